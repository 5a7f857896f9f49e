// The candidate client's protocol parts, free of any page: reconnect backoff, the server clock,
// paper decryption (release-gateway's PaperCipher layout) and the live socket. docs/api.md.

/** Reconnect delays: full jitter over an exponential cap (0.5 s doubling to 30 s). */
export const BACKOFF = { baseMs: 500, maxMs: 30000 };

/** The cap for a given attempt (0 = the first retry): base * 2^attempt, at most max. */
export function backoffCap(attempt, { baseMs, maxMs } = BACKOFF) {
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
}

/** Full jitter: a uniform delay in [0, cap), so a herd cut off at once does not return at once. */
export function backoffDelay(attempt, random = Math.random, settings = BACKOFF) {
  return Math.floor(random() * backoffCap(attempt, settings));
}

/**
 * The server's clock as seen from here. The page never decides time: it only counts down to a
 * server deadline, corrected by the offset of the last serverTime it heard.
 */
export class ServerClock {
  constructor() {
    this.offsetMs = 0;
  }

  /** A server timestamp heard just now (the hello's or a session state's serverTime). */
  heard(serverTime) {
    this.offsetMs = Date.parse(serverTime) - Date.now();
  }

  now() {
    return Date.now() + this.offsetMs;
  }

  /** Whole seconds from the server's now until the instant, never negative. */
  secondsUntil(instant) {
    return Math.max(0, Math.floor((Date.parse(instant) - this.now()) / 1000));
  }
}

function base64ToBytes(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/**
 * Opens a paper file: a 12-byte IV, then the AES-256-GCM ciphertext with its 16-byte tag; the
 * additional data is the exam id (UTF-8). Rejects if the key or the exam id is wrong.
 */
export async function decryptPaper(file, keyBase64, examId) {
  const bytes = new Uint8Array(file);
  const key = await crypto.subtle.importKey("raw", base64ToBytes(keyBase64), "AES-GCM", false, [
    "decrypt",
  ]);
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: bytes.slice(0, 12), additionalData: new TextEncoder().encode(examId), tagLength: 128 },
    key,
    bytes.slice(12),
  );
  return JSON.parse(new TextDecoder().decode(plain));
}

/**
 * The order one candidate sees: `items` sorted by the SHA-256 of `seed + "\n" + keyOf(item)`
 * (lowercase hex, ascending); items with equal keys keep their order. Anyone holding the paper can
 * reproduce it from the candidate's session id (docs/api.md, "Per-candidate order").
 */
export async function candidateOrder(seed, items, keyOf = (item) => item) {
  const encoder = new TextEncoder();
  const ranked = await Promise.all(
    items.map(async (item, index) => {
      const digest = await crypto.subtle.digest("SHA-256", encoder.encode(seed + "\n" + keyOf(item)));
      const rank = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
      return { item, index, rank };
    }),
  );
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.index - b.index));
  return ranked.map((entry) => entry.item);
}

/**
 * The paper as this candidate sees it. A paper with `"shuffle": {"questions": true}` lists its
 * questions in the candidate's order (keyed by question id, seeded with the session id); with
 * `"options": true` each question's options too (keyed by option text, seeded with the session id
 * and the question id). Answers are saved by question id and option text, so the order changes
 * nothing that is stored.
 */
export async function arrangePaper(content, sessionId) {
  const shuffle = content.shuffle || {};
  let questions = Array.isArray(content.questions) ? content.questions : [];
  if (shuffle.questions === true) questions = await candidateOrder(sessionId, questions, (q) => q.id);
  if (shuffle.options === true) {
    questions = await Promise.all(
      questions.map(async (q) =>
        Array.isArray(q.options) ? { ...q, options: await candidateOrder(sessionId + "\n" + q.id, q.options) } : q,
      ),
    );
  }
  return { ...content, questions };
}

/**
 * The candidate socket: answers pings, hands every other frame to onFrame, and reconnects with
 * jittered exponential backoff whenever it closes (the attempt counter resets once a hello
 * arrives). onState gets "connecting", "open" or "reconnecting".
 */
export class LiveConnection {
  constructor(url, { onFrame, onState, random = Math.random }) {
    this.url = url;
    this.onFrame = onFrame;
    this.onState = onState;
    this.random = random;
    this.attempt = 0;
    this.stopped = false;
    this.socket = null;
  }

  /** url may be a function, so a reconnect uses the newest token. */
  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.socket) this.socket.close(1000, "done");
  }

  connect() {
    this.onState("connecting");
    const url = typeof this.url === "function" ? this.url() : this.url;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onmessage = (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame.type === "ping") {
        socket.send(JSON.stringify({ type: "pong" }));
      }
      if (frame.type === "hello") {
        this.attempt = 0;
        this.onState("open");
      }
      this.onFrame(frame);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket || this.stopped) return;
      this.onState("reconnecting", event);
      const delay = backoffDelay(this.attempt++, this.random);
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }
}
