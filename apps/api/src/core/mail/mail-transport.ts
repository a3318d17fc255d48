import { Injectable, Logger } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '@/core/config/app-config';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

/** Sends through SMTP when SMTP_URL is set; otherwise writes each message as an .eml file. */
@Injectable()
export class MailTransport {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter;
  private readonly outbox?: string;

  constructor(private readonly config: AppConfig) {
    const smtpUrl = config.get('SMTP_URL');
    if (smtpUrl) {
      this.transporter = createTransport(smtpUrl);
    } else {
      this.outbox = join(resolve(config.get('DATA_DIR')), 'mail');
      this.transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transporter.sendMail({ from: this.config.get('MAIL_FROM'), ...mail });
    if (this.outbox) {
      // Invitation and reset links are secrets: the outbox is for the process's own user only.
      await mkdir(this.outbox, { recursive: true, mode: 0o700 });
      const file = join(
        this.outbox,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`,
      );
      await writeFile(file, (info as unknown as { message: Buffer }).message, { mode: 0o600 });
      this.logger.log(`E-mail to ${mail.to} written to ${file}`);
    }
  }
}
