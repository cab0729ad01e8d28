/**
 * Listens to the Eleventy dev server's live-reload WebSocket the way the browser's reload
 * client does, and stamps each message as it arrives. A minimal client on `node:http` (Node 20
 * has no WebSocket client without a flag): the upgrade handshake and unmasked text frames from
 * the server, which is all the reload channel sends (no compression is offered, so none is used).
 */
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import type { Socket } from "node:net";

/** One message from the server, with the moment it arrived (`performance.now()`). */
export interface ReloadMessage {
  readonly at: number;
  readonly type: string;
  readonly text: string;
}

/** An open reload channel. */
export interface ReloadListener {
  /** Every message so far, in order. */
  readonly messages: readonly ReloadMessage[];
  close(): void;
}

/** Splits complete frames off the front of `buffer`; returns their text payloads and the rest. */
export function readFrames(buffer: Buffer): { payloads: string[]; rest: Buffer } {
  const payloads: string[] = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const opcode = (buffer[offset] ?? 0) & 0x0f;
    let length = (buffer[offset + 1] ?? 0) & 0x7f;
    let header = 2;
    if (length === 126) {
      if (buffer.length - offset < 4) break;
      length = buffer.readUInt16BE(offset + 2);
      header = 4;
    } else if (length === 127) {
      if (buffer.length - offset < 10) break;
      length = Number(buffer.readBigUInt64BE(offset + 2));
      header = 10;
    }
    if (buffer.length - offset < header + length) break;
    const payload = buffer.subarray(offset + header, offset + header + length);
    // Text (1) and continuation (0) frames carry the JSON; close, ping and pong are skipped.
    if (opcode === 1 || opcode === 0) payloads.push(payload.toString("utf8"));
    offset += header + length;
  }
  return { payloads, rest: buffer.subarray(offset) };
}

/** Opens the reload channel of the dev server at `port`. */
export async function listenForReloads(port: number): Promise<ReloadListener> {
  const messages: ReloadMessage[] = [];
  const socket = await new Promise<Socket>((resolve, reject) => {
    const upgrade = request({
      host: "127.0.0.1",
      port,
      path: "/",
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": randomBytes(16).toString("base64"),
      },
    });
    upgrade.on("upgrade", (_response, upgraded: Socket) => resolve(upgraded));
    upgrade.on("response", (response) =>
      reject(new Error(`the dev server refused the WebSocket upgrade (${response.statusCode})`)),
    );
    upgrade.on("error", reject);
    upgrade.end();
  });
  let pending: Buffer = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    const at = performance.now();
    const { payloads, rest } = readFrames(Buffer.concat([pending, chunk]));
    pending = rest;
    for (const text of payloads) {
      let type = "";
      try {
        type = String((JSON.parse(text) as { type?: unknown }).type ?? "");
      } catch {
        // Not JSON: kept with an empty type.
      }
      messages.push({ at, type, text });
    }
  });
  socket.on("error", () => {
    // The server going away at the end of a measurement is expected.
  });
  return {
    messages,
    close: () => socket.destroy(),
  };
}
