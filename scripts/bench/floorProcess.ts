/**
 * The floors: minimal servers on the same stack doing only the irreducible work.
 * - `ingest`: bare express, express.json, the same SQLite settings as the hub (WAL,
 *   synchronous=FULL), one INSERT per request, answered after it is durable.
 * - `fanout`: a bare socket.io server broadcasting the posted payload to every socket.
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

if (kind === 'ingest') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-floor-'));
  const db = new Database(path.join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE reports (id INTEGER PRIMARY KEY, idempotency_key TEXT UNIQUE, doc TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO reports (idempotency_key, doc) VALUES (?, ?)');
  app.post('/api/incidents', (req, res) => {
    const result = insert.run(req.get('Idempotency-Key') ?? null, JSON.stringify(req.body));
    res.status(201).json({ id: Number(result.lastInsertRowid) });
  });
  cleanup = () => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
} else if (kind === 'fanout') {
  const io = new Server(server, { serveClient: false });
  app.post('/broadcast', (req, res) => {
    io.emit('domain:event', req.body);
    res.status(201).json({ ok: true });
  });
} else {
  throw new Error(`unknown floor ${kind}`);
}

server.listen(0, '127.0.0.1', () => process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port }));
serve({
  rss: async () => ({ rss: process.memoryUsage().rss }),
  stop: async () => {
    server.closeAllConnections();
    server.close();
    cleanup();
    process.exit(0);
  },
});
