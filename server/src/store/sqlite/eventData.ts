/**
 * How an event's data is stored: as JSON, compacted for the kinds every incident records
 * (shapes.ts). Only data whose fields no store query reads is compacted.
 */
import { CREATED_EVENT_SHAPE, decodeShape, encodeShape, ROUTED_EVENT_SHAPE, type Shape } from './shapes.js';

const SHAPES: Readonly<Record<string, Shape>> = { 'incident.created': CREATED_EVENT_SHAPE, 'incident.routed': ROUTED_EVENT_SHAPE };

export function encodeEventData(type: string, data: Record<string, unknown>): string {
  const shape = SHAPES[type];
  return JSON.stringify(shape ? encodeShape(data, shape) : data);
}

export function decodeEventData(type: string, text: string): Record<string, unknown> {
  const data = JSON.parse(text) as Record<string, unknown>;
  const shape = SHAPES[type];
  return shape ? decodeShape(data, shape) : data;
}
