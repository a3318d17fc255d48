import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';
import { environment } from './environment.config';

@Global()
@Module({
  imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [environment] })],
  providers: [AppConfig],
  exports: [AppConfig],
})
export class AppConfigModule {}
