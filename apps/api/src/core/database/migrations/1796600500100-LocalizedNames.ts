import { COUNTRY_CODES } from '@mre/contracts';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Letters without accents, case or punctuation: "États-Unis" and "etats unis" compare equal. */
function normalized(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Short forms people type that CLDR does not list as the country's name. */
const ALIASES: Record<string, string> = {
  usa: 'US',
  us: 'US',
  'u s a': 'US',
  'etats unis d amerique': 'US',
  'united states of america': 'US',
  uk: 'GB',
  'grande bretagne': 'GB',
  angleterre: 'GB',
  england: 'GB',
  holland: 'NL',
  hollande: 'NL',
};

/** Every country's name in the programme's languages (as the runtime's CLDR words them), and its code. */
function countryCodesByName(): Map<string, string> {
  const byName = new Map<string, string>(Object.entries(ALIASES));
  for (const locale of ['ar', 'fr', 'en']) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const code of COUNTRY_CODES) {
      const name = names.of(code);
      if (name) byName.set(normalized(name), code);
    }
  }
  for (const code of COUNTRY_CODES) byName.set(code.toLowerCase(), code);
  return byName;
}

/**
 * Networks and centres get their names in ar/fr/en (like course titles): the name typed so far is
 * kept in the language of its letters (Arabic, else French), and stays the single `name` older
 * clients and reports read. A network's free-text country becomes an ISO 3166 code where it names
 * one in any of the three languages ("Canada", "Suisse", "Germany", "USA", "ألمانيا"); the others
 * ("International") keep their text and no code.
 */
export class LocalizedNames1796600500100 implements MigrationInterface {
  name = 'LocalizedNames1796600500100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const byScript = `CASE WHEN "name" ~ '[\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF]' THEN jsonb_build_object('ar', "name") ELSE jsonb_build_object('fr', "name") END`;
    for (const table of ['networks', 'centres']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "names" jsonb NOT NULL DEFAULT '{}'`);
      await queryRunner.query(`UPDATE "${table}" SET "names" = ${byScript}`);
    }
    await queryRunner.query('ALTER TABLE "networks" ADD "country_code" character(2)');
    const byName = countryCodesByName();
    const networks: { id: string; country: string }[] = await queryRunner.query(
      'SELECT "id", "country" FROM "networks"',
    );
    for (const network of networks) {
      const code = byName.get(normalized(network.country));
      if (code) {
        await queryRunner.query('UPDATE "networks" SET "country_code" = $1 WHERE "id" = $2', [
          code,
          network.id,
        ]);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "networks" DROP COLUMN "country_code"');
    await queryRunner.query('ALTER TABLE "centres" DROP COLUMN "names"');
    await queryRunner.query('ALTER TABLE "networks" DROP COLUMN "names"');
  }
}
