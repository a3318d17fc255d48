import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * The compose files cannot be started here (no image registry), so this reads them as Docker Compose
 * would, with a set of exported variables, and checks the wiring a recording depends on: Egress
 * reaching LiveKit's media, Redis and the MinIO bucket the API reads from.
 */

const exported: Record<string, string> = {
  LIVEKIT_API_KEY: 'APIcomposekey',
  LIVEKIT_API_SECRET: 'compose-secret-of-at-least-32-characters',
  JWT_SECRET: 'compose-jwt-secret',
  MINIO_ROOT_PASSWORD: 'minio-password',
};

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR:?error}; $$ stays a literal $. */
function interpolate(text: string): string {
  return text
    .replace(/(?<!\$)\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_match, name: string, op?: string, arg?: string) => {
      const value = exported[name];
      if (value !== undefined && value !== '') return value;
      if (op === '?') throw new Error(`${name} is required: ${arg}`);
      return op === '-' ? (arg ?? '') : '';
    })
    .replace(/\$\$/g, '$');
}

interface Service {
  image?: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string | null>;
  network_mode?: string;
  networks?: { default?: { aliases?: string[] } };
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  extends?: { file: string; service: string };
}

function composeFile(name: string): { services: Record<string, Service> } {
  return parse(interpolate(readFileSync(resolve(__dirname, '../../../docker', name), 'utf8')));
}

const base = composeFile('compose.yml').services;
const scale = composeFile('compose.scale.yml').services;

/** The configuration Egress reads from EGRESS_CONFIG_BODY. */
function egressConfig(service: Service) {
  return parse(service.environment?.EGRESS_CONFIG_BODY ?? '') as {
    api_key: string;
    api_secret: string;
    ws_url: string;
    redis: { address: string };
    health_port: number;
    template_port: number;
  };
}

const livekitConfig = parse(base.livekit.environment?.LIVEKIT_CONFIG ?? '') as {
  port: number;
  keys: Record<string, string>;
  redis: { address: string };
  webhook: { urls: string[] };
};

/** The services of the scaled stack: the overlay's extends resolved the way compose does it. */
const scaledEgresses = [...new Set([...Object.keys(base), ...Object.keys(scale)])]
  .map((name): [string, Service] => [name, scale[name] ?? {}])
  .filter(([name, service]) => name === 'egress' || service.extends?.service === 'egress')
  .map(([name, service]) => {
    const parent = service.extends ? base[service.extends.service] : base[name];
    return {
      name,
      ...parent,
      ...service,
      environment: { ...parent.environment, ...service.environment },
      depends_on: { ...parent.depends_on, ...service.depends_on },
    } as Service & { name: string };
  });

describe('docker compose files', () => {
  it('gives Egress the API key pair LiveKit knows and the Redis LiveKit sends recording requests through', () => {
    const config = egressConfig(base.egress);
    expect(livekitConfig.keys[config.api_key]).toBe(config.api_secret);
    expect(config.api_key).toBe(exported.LIVEKIT_API_KEY);
    expect(config.redis.address).toBe(livekitConfig.redis.address);
    expect(config.redis.address).toMatch(/^redis:/);
    expect(base.redis).toBeDefined();
    expect(livekitConfig.webhook.urls).toEqual(['http://api:3000/api/livekit/webhook']);
  });

  it("lets Egress reach LiveKit's media: it shares LiveKit's network, where the announced 127.0.0.1 is LiveKit", () => {
    // LiveKit announces node_ip to every participant, Egress's Chrome included.
    expect(base.livekit.command).toEqual(['--node-ip', '127.0.0.1']);
    expect(base.egress.network_mode).toBe('service:livekit');
    const wsUrl = new URL(egressConfig(base.egress).ws_url);
    expect(wsUrl.hostname).toBe('127.0.0.1');
    expect(Number(wsUrl.port)).toBe(livekitConfig.port);
    expect(base.egress.depends_on?.livekit.condition).toBe('service_healthy');
  });

  it('creates the bucket the API stores in, on the MinIO the API and Egress reach under one name', () => {
    const api = base.api.environment ?? {};
    const bucketJob = base['minio-bucket'];
    expect(bucketJob.entrypoint?.join(' ')).toContain('mc mb --ignore-existing "store/$S3_BUCKET"');
    expect(bucketJob.environment?.S3_BUCKET).toBe(api.S3_BUCKET);
    expect(api.S3_BUCKET).toBeTruthy();

    const endpoint = new URL(api.S3_ENDPOINT ?? '');
    expect(base.minio.networks?.default?.aliases).toContain(endpoint.hostname);
    expect(base.minio.ports).toContain(`${endpoint.port}:9000`);
    expect(api.S3_ACCESS_KEY_ID).toBe(base.minio.environment?.MINIO_ROOT_USER);
    expect(api.S3_SECRET_ACCESS_KEY).toBe(exported.MINIO_ROOT_PASSWORD);
    expect(base.minio.environment?.MINIO_ROOT_PASSWORD).toBe(exported.MINIO_ROOT_PASSWORD);
    expect(api.S3_FORCE_PATH_STYLE).toBe('true');
    // The worker deletes expired recordings from the same bucket.
    expect(base.worker.environment).toEqual(base.api.environment);
    for (const name of ['api', 'egress']) {
      expect(base[name].depends_on?.['minio-bucket'].condition).toBe('service_completed_successfully');
    }
  });

  it('runs two Egresses in the scaled stack on ports of their own, and API replicas publish no port', () => {
    expect(scaledEgresses.map((egress) => egress.name).sort()).toEqual(['egress', 'egress-2']);
    for (const egress of scaledEgresses) {
      expect(egress.network_mode).toBe('service:livekit');
      expect(egress.deploy?.replicas ?? 1).toBe(1);
      const { health_port: _health, template_port: _template, ...shared } = egressConfig(egress);
      const {
        health_port: _baseHealth,
        template_port: _baseTemplate,
        ...baseShared
      } = egressConfig(base.egress);
      expect(shared).toEqual(baseShared);
    }
    const ports = scaledEgresses.flatMap((egress) => [
      egressConfig(egress).health_port,
      egressConfig(egress).template_port,
    ]);
    // LiveKit itself listens on 7880/7881 in the same namespace.
    expect(new Set([...ports, 7880, 7881]).size).toBe(ports.length + 2);

    expect(scale.api.deploy?.replicas).toBe(3);
    expect(base.api.ports).toBeUndefined();
    expect(scale.api.ports).toBeUndefined();
  });
});
