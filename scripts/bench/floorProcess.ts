/**
 * The floors: minimal servers on the same stack doing only the irreducible work.
 * - `ingest`: bare express, express.json, the same SQLite settings as the hub (WAL,
 *   synchronous=FULL), one INSERT per request, answered after it is durable.
 * - `fanout`: the same, and then one broadcast to every socket of the message the hub sent
 *   for a report (given once, `payload`): the irreducible work of "a report is acknowledged
 *   and every board hears of it".
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import express from 'express';
import { Server } from 'socket.io';
import { serve } from './proc.js';

const kind = process.argv[2];
const app = express();
app.use(express.json({ limit: '1mb' }));
const server = http.createServer(app);
let cleanup = () => {};

/** A durable table answered only once the INSERT is on disk (WAL, synchronous=FULL, as the hub). */
function openReports() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-floor-'));
  const db = new Database(path.join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE reports (id INTEGER PRIMARY KEY, idempotency_key TEXT UNIQUE, doc TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO reports (idempotency_key, doc) VALUES (?, ?)');
  cleanup = () => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return (req: express.Request) => Number(insert.run(req.get('Idempotency-Key') ?? null, JSON.stringify(req.body)).lastInsertRowid);
}

let payload: unknown = null;
if (kind === 'ingest') {
  const file = openReports();
  app.post('/api/incidents', (req, res) => {
    res.status(201).json({ id: file(req) });
  });
} else if (kind === 'fanout') {
  const file = openReports();
  const io = new Server(server, { serveClient: false });
  app.post('/api/incidents', (req, res) => {
    // Answered once durable, then broadcast, as the hub does (its dispatcher runs after the commit).
    res.status(201).json({ id: file(req) });
    io.emit('domain:event', payload);
  });
} else {
  throw new Error(`unknown floor ${kind}`);
}

server.listen(0, '127.0.0.1', () => process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port }));
serve({
  payload: async (m) => {
    payload = m.payload;
    return true;
  },
  rss: async () => ({ rss: process.memoryUsage().rss }),
  stop: async () => {
    server.closeAllConnections();
    server.close();
    cleanup();
    process.exit(0);
  },
});
