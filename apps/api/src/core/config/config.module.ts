import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';
import { validateEnvironment } from './environment';

@Global()
@Module({
  imports: [ConfigModule.forRoot({ validate: validateEnvironment, ignoreEnvFile: true, cache: false })],
  providers: [AppConfig],
  exports: [AppConfig],
})
export class AppConfigModule {}
