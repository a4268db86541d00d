/* global console */
// A throwaway PostgreSQL cluster for the tests (issue 22): initdb in a new temporary folder, the
// server on a free loopback port with its socket in that folder, stopped and deleted at the end.
// It never touches a cluster of the machine's own (Debian's on 5432 stays as it is) and listens on
// 127.0.0.1 only. initdb and postgres refuse to run as root, and CI runs as root: there the cluster
// runs as the unprivileged `postgres` user Debian's package creates, and owns its folder.
//
// As a command it wraps another: `node scripts/pg-cluster.mjs -- CMD ARGS…` starts one cluster,
// runs CMD with VETTED_TEST_PG set to the cluster's admin URL, stops the cluster and exits with
// CMD's code (npm test uses it, so the whole suite shares one cluster).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout, clearTimeout } from 'node:timers';
import { pathToFileURL } from 'node:url';

/** Where this machine's PostgreSQL server programs are: $VETTED_PG_BIN, else the newest Debian version, else PATH. */
export function findPgBin() {
  const fromEnv = process.env.VETTED_PG_BIN;
  if (fromEnv) return fromEnv;
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => /^\d+$/.test(v) && fs.existsSync(path.join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return path.join(debian, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return path.dirname(which.stdout.trim());
  throw new Error(
    'PostgreSQL is not installed: the team-register tests need its server programs (Debian: apt-get install postgresql; or set VETTED_PG_BIN).',
  );
}

/** Who runs the server: this user, or `postgres` when this process is root (initdb refuses root). */
function serverUser() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('Running as root, and there is no `postgres` user to run the test cluster as (install Debian\'s postgresql package).');
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether the server accepts sessions (a listening socket is not enough: it says "starting up" first). */
function isReady(bin, port) {
  return new Promise((resolve) => {
    const probe = spawn(path.join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-t', '2'], { stdio: 'ignore' });
    probe.once('exit', (code) => resolve(code === 0));
    probe.once('error', () => resolve(false));
  });
}

/**
 * Starts a cluster and resolves once it accepts connections. The admin role (a superuser) has a
 * random password; connections are loopback TCP with SCRAM passwords only (no trust).
 * With `unref`, the server does not keep this process alive: it is killed when the process exits
 * (a test file that started its own).
 * With `tls`, the server speaks TLS with a certificate for 127.0.0.1 from a throwaway CA
 * (`clientCert(name)` makes a client certificate from the same CA); `hba` lines go before the
 * cluster's own in pg_hba.conf (e.g. requiring a certificate from one role).
 * @param {{ unref?: boolean, tls?: boolean, hba?: string[] }} [options]
 * @returns {Promise<{ url: string, port: number, admin: string, password: string, dataDir: string, stop: () => Promise<void> }>}
 */
export async function startCluster({ unref = false, tls = false, hba = [] } = {}) {
  const bin = findPgBin();
  const user = serverUser();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-pg-'));
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir, { mode: 0o700 });
  const admin = 'vetted_admin';
  const password = randomBytes(18).toString('base64url');
  const pwfile = path.join(root, 'pw');
  fs.writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  if (user) for (const p of [root, dataDir, pwfile]) fs.chownSync(p, user.uid, user.gid);
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  const cleanup = () => fs.rmSync(root, { recursive: true, force: true });

  const init = spawnSync(
    path.join(bin, 'initdb'),
    ['-D', dataDir, '-U', admin, '--pwfile', pwfile, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
    { ...asUser, encoding: 'utf8', cwd: root },
  );
  fs.rmSync(pwfile, { force: true });
  if (init.status !== 0) {
    cleanup();
    throw new Error(`initdb failed: ${(init.stderr || init.stdout || '').trim()}`);
  }

  const tlsFiles = tls ? makeCertificates(root, user) : null;
  if (hba.length > 0) {
    const file = path.join(dataDir, 'pg_hba.conf');
    fs.writeFileSync(file, hba.join('\n') + '\n' + fs.readFileSync(file, 'utf8'));
  }

  const port = await freePort();
  const server = spawn(
    path.join(bin, 'postgres'),
    [
      '-D', dataDir,
      '-p', String(port),
      '-c', 'listen_addresses=127.0.0.1',
      '-c', `unix_socket_directories=${root}`,
      // A throwaway cluster: durability is not what these tests are about.
      '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
      '-c', 'max_connections=60',
      ...(tlsFiles
        ? ['-c', 'ssl=on', '-c', `ssl_cert_file=${tlsFiles.serverCert}`, '-c', `ssl_key_file=${tlsFiles.serverKey}`, '-c', `ssl_ca_file=${tlsFiles.ca}`]
        : []),
    ],
    { ...asUser, cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  server.stderr.on('data', (chunk) => {
    log = (log + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  let running = true;
  exited.then(() => {
    running = false;
  });
  // If this process dies without stopping it, the server must not outlive it.
  const onExit = () => {
    if (running) server.kill('SIGKILL');
    cleanup();
  };
  process.once('exit', onExit);
  // A test process stopped by a signal (a timeout, Ctrl-C) takes its server and folder with it.
  const onSignal = (signal) => {
    onExit();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  if (unref) for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, onSignal);

  const startedAt = Date.now();
  while (!(await isReady(bin, port))) {
    if (!running || Date.now() - startedAt > 30_000) {
      onExit();
      process.removeListener('exit', onExit);
      throw new Error(`the test PostgreSQL did not start: ${log.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  const stop = async () => {
    process.removeListener('exit', onExit);
    for (const signal of ['SIGINT', 'SIGTERM']) process.removeListener(signal, onSignal);
    if (running) {
      server.kill('SIGINT'); // fast shutdown: ends sessions, no waiting for clients
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    cleanup();
  };
  if (unref) {
    server.unref();
    server.stderr.destroy();
  }
  const url = `postgres://${admin}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const clientCert = (name) => {
    if (!tlsFiles) throw new Error('the cluster was started without tls');
    return issue(root, tlsFiles, name, 'client', null);
  };
  return { url, port, admin, password, dataDir, stop, ca: tlsFiles?.ca ?? null, clientCert };
}

function openssl(args, cwd) {
  const run = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl ${args[0]} failed: ${(run.stderr || '').trim()}`);
}

/** A throwaway CA and a server certificate for 127.0.0.1 (its key owned by the server's user, 0600). */
function makeCertificates(root, user) {
  const dir = path.join(root, 'tls');
  fs.mkdirSync(dir, { mode: 0o755 });
  const ca = path.join(dir, 'ca.crt');
  const caKey = path.join(dir, 'ca.key');
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', caKey, '-out', ca, '-days', '2', '-subj', '/CN=Vetted test CA'], dir);
  const files = { dir, ca, caKey };
  const server = issue(root, files, '127.0.0.1', 'server', user);
  return { ...files, serverCert: server.cert, serverKey: server.key };
}

/** A certificate signed by the test CA: for the server (with 127.0.0.1 as its address) or a client (CN = the role). */
function issue(root, files, name, kind, owner) {
  const base = path.join(files.dir, `${kind}-${name.replace(/[^\w.-]/g, '_')}`);
  const ext = `${base}.ext`;
  fs.writeFileSync(ext, kind === 'server' ? 'subjectAltName=IP:127.0.0.1\n' : 'extendedKeyUsage=clientAuth\n');
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${name}`], files.dir);
  openssl(['x509', '-req', '-in', `${base}.csr`, '-CA', files.ca, '-CAkey', files.caKey, '-CAcreateserial', '-out', `${base}.crt`, '-days', '2', '-extfile', ext], files.dir);
  fs.chmodSync(`${base}.key`, 0o600);
  if (owner) fs.chownSync(`${base}.key`, owner.uid, owner.gid);
  return { cert: `${base}.crt`, key: `${base}.key` };
}

async function main() {
  const at = process.argv.indexOf('--');
  const command = at === -1 ? [] : process.argv.slice(at + 1);
  if (command.length === 0) {
    console.error('usage: node scripts/pg-cluster.mjs -- COMMAND [ARGS…]');
    process.exit(2);
  }
  const cluster = await startCluster();
  const child = spawn(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, VETTED_TEST_PG: cluster.url },
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise((resolve) => child.once('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
  await cluster.stop();
  process.exit(code);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(`pg-cluster: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
