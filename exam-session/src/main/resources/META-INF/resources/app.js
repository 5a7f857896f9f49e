// The reference candidate page: sign in, wait with the encrypted paper downloaded, decrypt it at
// the release, answer (each edit autosaved with an increasing sequence; "saved" only on the
// server's acknowledgement), submit. The wire contract is docs/api.md; the page never decides
// time, it shows the server's deadline.
import { LiveConnection, ServerClock, arrangePaper, backoffDelay, decryptPaper } from "./live.js";

// The page's words per error code; a code without one shows the server's message (which for
// TOO_MANY_ATTEMPTS says how long is left).
const MESSAGES = {
  INVALID_CREDENTIALS: "Roll number or access code is wrong.",
  TOKEN_MISSING: "Please sign in.",
  TOKEN_INVALID: "Your sign-in is no longer valid. Please sign in again.",
  TOKEN_EXPIRED: "Your sign-in has expired. Please sign in again.",
  NOT_YOUR_SESSION: "This exam session belongs to another candidate.",
  UNKNOWN_EXAM: "This exam does not exist.",
  UNKNOWN_SESSION: "Your exam session was not found. Please sign in again.",
  EXAM_NOT_STARTED: "The exam has not started yet.",
  SESSION_PAUSED: "The proctor has paused your exam. Your answers are kept and saved when it resumes.",
  SESSION_SUBMITTED: "This exam has been submitted; answers can no longer change.",
  DEADLINE_PASSED: "Time is up; answers can no longer change.",
  STALE_SEQUENCE: "This answer was changed in another window; saving your latest choice again.",
  SEQUENCE_CONFLICT: "This answer was changed in another window; saving your latest choice again.",
  UNKNOWN_QUESTION: "This question is not part of your exam.",
  INVALID_ANSWER: "This answer cannot be saved.",
  ANSWER_TOO_LARGE: "This answer is too long to save.",
  MALFORMED_REQUEST: "The page sent a request the server did not understand. Reload the page.",
  INVALID_ACTION: "That is not possible in the exam's current state.",
  STORAGE_UNAVAILABLE: "The service is briefly unavailable; retrying.",
  NETWORK: "No connection to the exam service; retrying.",
};
const SOCKET_CLOSES = {
  4403: "This exam link does not match your sign-in. Please sign in again.",
  4404: "This exam does not exist.",
};
const $ = (id) => document.getElementById(id);
const body = document.body;
const clock = new ServerClock();
const store = window.sessionStorage;

let config;
let login; // {token, expiresAt, sessionId, examId}
let session; // the last session state
let paper = { digest: null, download: null, file: null, key: null, opened: false };
let live;
const answers = new Map(); // questionId -> {seq, value, ackedSeq}

class ApiError extends Error {
  constructor(status, code, message, retryable) {
    super(message);
    Object.assign(this, { status, code, retryable });
  }
}

function explain(error) {
  return MESSAGES[error.code] || error.message || "Something went wrong.";
}

function show(text, kind = "error") {
  $("message").textContent = text || "";
  $("message").className = "bar " + kind;
}

async function api(method, path, payload) {
  const headers = { "Content-Type": "application/json" };
  if (login) headers.Authorization = "Bearer " + login.token;
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload && JSON.stringify(payload) });
  } catch {
    throw new ApiError(0, "NETWORK", MESSAGES.NETWORK, true);
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(response.status, data.code || "HTTP_" + response.status, data.message, data.retryable ?? response.status >= 500);
  }
  return data;
}

// ------------------------------------------------------------------ sign-in and the token

function setPhase(phase) {
  body.dataset.phase = phase;
  $("login").hidden = phase !== "login";
  $("waiting").hidden = phase !== "waiting";
  $("exam").hidden = !["active", "paused"].includes(phase);
  $("done").hidden = phase !== "submitted";
  for (const input of document.querySelectorAll("#questions input, #questions textarea")) {
    input.disabled = phase !== "active";
  }
}

function signedOut(text) {
  store.removeItem("examday.login");
  login = null;
  if (live) live.stop();
  setPhase("login");
  if (text) show(text);
}

$("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("login-button").disabled = true;
  try {
    login = await api("POST", "/api/v1/login", { rollNumber: $("roll").value.trim(), accessCode: $("code").value });
    store.setItem("examday.login", JSON.stringify(login));
    show("");
    await begin();
  } catch (error) {
    login = null;
    show(explain(error));
  } finally {
    $("login-button").disabled = false;
  }
});

async function refreshToken() {
  const fresh = await api("POST", "/api/v1/session/token");
  login = { ...login, ...fresh };
  store.setItem("examday.login", JSON.stringify(login));
  scheduleRefresh();
}

function scheduleRefresh() {
  clearTimeout(scheduleRefresh.timer);
  const due = Date.parse(login.expiresAt) - clock.offsetMs - Date.now() - 60000;
  scheduleRefresh.timer = setTimeout(() => refreshToken().catch(() => scheduleRefresh()), Math.max(5000, due));
}

// ------------------------------------------------------------------ session state and timer

async function loadSession() {
  session = await api("GET", "/api/v1/session");
  clock.heard(session.serverTime);
  for (const saved of session.answers || []) {
    const local = answers.get(saved.questionId);
    // the server's is newer than what this page holds (a pending edit here has a higher seq)
    if (!local || saved.seq >= local.seq) {
      answers.set(saved.questionId, { seq: saved.seq, value: saved.value, ackedSeq: saved.seq, committedAt: saved.committedAt });
    }
  }
  if (session.status !== "SUBMITTED") restoreDrafts();
  applyStatus();
  return session;
}

/**
 * Edits the server has not acknowledged yet, kept on this device (localStorage) so that a reload,
 * a crashed browser or a closed tab during a network outage does not lose them. One entry per
 * question, removed once its edit is acknowledged and all of the session's at the submit: only
 * unsaved answers are ever left on a shared computer.
 */
const drafts = {
  key(questionId) {
    return `examday.draft.${login.sessionId}.${questionId}`;
  },
  keep(questionId, answer) {
    try {
      window.localStorage.setItem(this.key(questionId), JSON.stringify({ seq: answer.seq, value: answer.value }));
    } catch {
      // storage full or disabled: the edit is still sent, only not kept across a reload
    }
  },
  /** Forgets the draft once an edit at least as new is acknowledged. */
  acknowledged(questionId, seq) {
    const draft = this.read(this.key(questionId));
    if (draft && draft.seq <= seq) window.localStorage.removeItem(this.key(questionId));
  },
  read(key) {
    try {
      const draft = JSON.parse(window.localStorage.getItem(key));
      return draft && Number.isInteger(draft.seq) && typeof draft.value === "string" ? draft : null;
    } catch {
      return null;
    }
  },
  /** questionId -> draft, for this session. */
  all() {
    const prefix = `examday.draft.${login.sessionId}.`;
    const found = new Map();
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key && key.startsWith(prefix)) found.set(key.slice(prefix.length), this.read(key));
    }
    return found;
  },
  clear() {
    for (const questionId of this.all().keys()) window.localStorage.removeItem(this.key(questionId));
  },
};

/** Drafts newer than what the server holds become pending edits again (applyStatus sends them). */
function restoreDrafts() {
  for (const [questionId, draft] of drafts.all()) {
    const known = answers.get(questionId) || { seq: 0, ackedSeq: 0 };
    if (draft && draft.seq > Math.max(known.ackedSeq, known.seq)) {
      answers.set(questionId, { ...known, seq: draft.seq, value: draft.value, restored: true });
    } else if (!draft || draft.seq <= known.ackedSeq) {
      window.localStorage.removeItem(drafts.key(questionId)); // unreadable, or the server has it
    }
  }
}

function applyStatus() {
  const status = session.status;
  if (status === "SUBMITTED") {
    drafts.clear();
    setPhase("submitted");
    if (live) live.stop();
    return;
  }
  if (status !== "WAITING") $("waiting-text").textContent = "The exam has started: opening the question paper…";
  if (status === "WAITING" || !paper.opened) {
    setPhase(status === "WAITING" ? "waiting" : body.dataset.phase === "starting" ? "waiting" : body.dataset.phase);
  }
  if (paper.opened) setPhase(status === "PAUSED" ? "paused" : "active");
  if (status === "ACTIVE" && autosave.pending().length) autosave.kick(); // restored drafts
  if (status === "PAUSED") show(MESSAGES.SESSION_PAUSED, "info");
}

function formatSeconds(total) {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return (h ? h + ":" + String(m).padStart(2, "0") : String(m)) + ":" + String(s).padStart(2, "0");
}

function tick() {
  if (!session) return;
  body.dataset.deadline = session.deadline || ""; // the deadline the page counts down to
  let text = "";
  if (session.status === "WAITING" && session.scheduledStart) {
    text = "Starts in " + formatSeconds(clock.secondsUntil(session.scheduledStart));
  } else if (session.status === "PAUSED") {
    text = "Paused: " + formatSeconds(session.remainingSeconds ?? 0) + " left";
  } else if (session.status === "ACTIVE" && session.deadline) {
    const left = clock.secondsUntil(session.deadline);
    text = formatSeconds(left) + " left";
    // the server closes the session at its deadline; ask it rather than decide here
    if (left === 0 && !tick.asking) {
      tick.asking = true;
      setTimeout(() => loadSession().catch(() => {}).finally(() => (tick.asking = false)), 2000);
    }
  } else if (session.status === "SUBMITTED") {
    text = "Submitted";
  }
  $("timer").textContent = text;
}

// ------------------------------------------------------------------ the paper

/** The paper file, fetched once per digest (the hello and the release may both ask for it). */
function downloadPaper(digest) {
  if (paper.digest !== digest) {
    paper = { digest, download: null, file: null, key: null, opened: false };
    body.dataset.paperDigest = digest;
    delete body.dataset.paper; // a file held so far is not this one
  }
  if (!paper.download) paper.download = fetchPaper(digest);
  return paper.download;
}

async function fetchPaper(digest) {
  $("paper-status").textContent = "Question paper: downloading…";
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(config.gatewayUrl + "/papers/" + digest);
      if (!response.ok) throw new Error("HTTP " + response.status);
      const file = await response.arrayBuffer();
      if (paper.digest !== digest) return;
      paper.file = file;
      body.dataset.paper = "encrypted";
      $("paper-status").textContent = "Question paper: downloaded (locked until the start).";
      return;
    } catch {
      $("paper-status").textContent = "Question paper: download failed, retrying…";
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt)));
    }
  }
}

/** Decrypts and shows the paper once both the file and the key are here; once. */
async function openPaper() {
  if (paper.opened || !paper.file || !paper.key) return;
  paper.opened = true;
  let content;
  try {
    content = await arrangePaper(await decryptPaper(paper.file, paper.key, login.examId), login.sessionId);
  } catch {
    paper.opened = false;
    show("The question paper could not be opened. Reload the page.");
    return;
  }
  body.dataset.paper = "decrypted";
  renderPaper(content);
  await loadSession().catch((error) => show(explain(error)));
  renderAnswers();
  applyStatus();
}

function renderPaper(content) {
  $("title").textContent = content.title || "Exam";
  const list = $("questions");
  list.replaceChildren();
  (content.questions || []).forEach((question, index) => {
    const box = document.createElement("fieldset");
    box.className = "question";
    box.dataset.questionId = question.id;
    const legend = document.createElement("legend");
    legend.textContent = index + 1 + ". " + question.text;
    box.append(legend);
    if (Array.isArray(question.options) && question.options.length) {
      for (const option of question.options) {
        const label = document.createElement("label");
        const input = document.createElement("input");
        Object.assign(input, { type: "radio", name: "answer-" + question.id, value: option });
        input.addEventListener("change", () => edit(question.id, option));
        label.append(input, " ", option);
        box.append(label);
      }
    } else {
      const text = document.createElement("textarea");
      text.addEventListener("input", () => {
        clearTimeout(text.pending);
        text.pending = setTimeout(() => edit(question.id, text.value), 500);
      });
      box.append(text);
    }
    const status = document.createElement("div");
    status.className = "save-status";
    status.dataset.state = "none";
    box.append(status);
    list.append(box);
  });
}

function renderAnswers() {
  for (const [questionId, answer] of answers) {
    const box = document.querySelector(`.question[data-question-id="${CSS.escape(questionId)}"]`);
    if (!box) continue;
    for (const input of box.querySelectorAll("input[type=radio]")) input.checked = input.value === answer.value;
    const text = box.querySelector("textarea");
    if (text) text.value = answer.value;
    if (answer.ackedSeq === answer.seq) setSaveStatus(questionId, "saved");
    else if (answer.restored) setSaveStatus(questionId, "saving", "Restored from this device, saving…");
  }
}

// ------------------------------------------------------------------ autosave

function lastSeq(questionId) {
  return Number(window.localStorage.getItem(`examday.seq.${login.sessionId}.${questionId}`) || 0);
}

function setSaveStatus(questionId, state, text) {
  const status = document.querySelector(`.question[data-question-id="${CSS.escape(questionId)}"] .save-status`);
  if (!status) return;
  const answer = answers.get(questionId);
  const texts = {
    saving: "Saving…",
    saved: "Saved" + (answer && answer.committedAt ? " at " + new Date(answer.committedAt).toLocaleTimeString() : ""),
    retrying: "Not saved, retrying…",
  };
  status.dataset.state = state;
  status.textContent = text || texts[state] || "";
}

/** An edit: a new sequence number, remembered across reloads so it never goes back. */
function edit(questionId, value) {
  const answer = answers.get(questionId) || { seq: 0, ackedSeq: 0 };
  answer.seq = Math.max(answer.seq, lastSeq(questionId)) + 1;
  answer.value = value;
  answer.restored = false;
  answers.set(questionId, answer);
  window.localStorage.setItem(`examday.seq.${login.sessionId}.${questionId}`, String(answer.seq));
  drafts.keep(questionId, answer);
  setSaveStatus(questionId, "saving");
  autosave.kick();
}

/** One request at a time, one answer per request, newest edits only; retried until acknowledged. */
const autosave = {
  running: false,
  attempt: 0,
  kick() {
    if (!this.running) this.run();
  },
  pending() {
    return [...answers.entries()].filter(([, a]) => a.seq > a.ackedSeq && !a.failed);
  },
  async run() {
    this.running = true;
    try {
      let next;
      while ((next = this.pending()[0])) {
        await this.send(...next);
      }
    } finally {
      this.running = false;
    }
  },
  async send(questionId, answer) {
    const { seq, value } = answer;
    try {
      const result = await api("PUT", "/api/v1/session/answers", { answers: [{ questionId, seq, value }] });
      const ack = result.acks.find((a) => a.questionId === questionId && a.seq === seq);
      this.attempt = 0;
      if (ack && ack.status === "SAVED") {
        answer.ackedSeq = Math.max(answer.ackedSeq, seq);
        answer.committedAt = ack.committedAt;
        drafts.acknowledged(questionId, seq);
        if (answer.seq === seq) {
          answer.restored = false;
          setSaveStatus(questionId, "saved");
        }
      }
    } catch (error) {
      await this.failed(questionId, answer, seq, error);
    }
  },
  async failed(questionId, answer, seq, error) {
    if (error.code === "STALE_SEQUENCE" || error.code === "SEQUENCE_CONFLICT") {
      // another window used these numbers: renumber this edit above them and send it again
      if (answer.seq === seq) answer.seq = seq + 1;
      window.localStorage.setItem(`examday.seq.${login.sessionId}.${questionId}`, String(answer.seq));
      drafts.keep(questionId, answer);
      return;
    }
    if (error.code === "SESSION_SUBMITTED" || error.code === "DEADLINE_PASSED") {
      answer.failed = true;
      setSaveStatus(questionId, "error", "Not saved: " + explain(error));
      await loadSession().catch(() => {});
      return;
    }
    if (error.code === "TOKEN_EXPIRED") {
      await refreshToken().catch(() => signedOut(explain(error)));
      if (!login) answer.failed = true;
      return;
    }
    if (!error.retryable) {
      answer.failed = true;
      setSaveStatus(questionId, "error", "Not saved: " + explain(error));
      return;
    }
    setSaveStatus(questionId, "retrying", "Not saved, retrying… (" + explain(error) + ")");
    await new Promise((resolve) => setTimeout(resolve, backoffDelay(this.attempt++)));
  },
  /** Resolves once nothing is pending (or after the time-out, so a submit is never stuck). */
  async settled(timeoutMs) {
    const until = Date.now() + timeoutMs;
    while (this.pending().length && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return this.pending().length === 0;
  },
};

// ------------------------------------------------------------------ submit

$("submit").addEventListener("click", () => {
  $("submit-confirm").hidden = false;
});

$("submit-confirm").addEventListener("click", async () => {
  $("submit-confirm").disabled = true;
  try {
    if (!(await autosave.settled(15000))) {
      show("Some answers are not saved yet; submitting what the server has.");
    }
    session = await api("POST", "/api/v1/session/submit");
    clock.heard(session.serverTime);
    show("");
    applyStatus();
  } catch (error) {
    show(explain(error));
    await loadSession().catch(() => {});
  } finally {
    $("submit-confirm").disabled = false;
  }
});

// ------------------------------------------------------------------ the live socket

function onFrame(frame) {
  switch (frame.type) {
    case "hello":
      clock.heard(frame.serverTime);
      if (frame.paperDigest) downloadPaper(frame.paperDigest).then(openPaper);
      break;
    case "paper": // prepared again before the start: the file held so far is out of date
      downloadPaper(frame.paperDigest);
      break;
    case "release":
      body.dataset.releases = String(Number(body.dataset.releases) + 1);
      if (session) Object.assign(session, { deadline: frame.deadline, releasedAt: frame.releasedAt, status: session.status === "WAITING" ? "ACTIVE" : session.status });
      downloadPaper(frame.paperDigest);
      paper.key = frame.key;
      paper.download.then(openPaper);
      break;
    case "deadline":
      Object.assign(session, { deadline: frame.deadline, status: frame.status, remainingSeconds: frame.remainingSeconds });
      if (frame.status === "ACTIVE" && $("message").className.includes("info")) show("");
      // "5 minutes left" is no longer true once the deadline moved past it, or the exam ended
      if (frame.status === "SUBMITTED" || frame.remainingSeconds > Number(body.dataset.warnedMinutes) * 60) {
        $("warning").textContent = "";
        delete body.dataset.warnedMinutes;
      }
      applyStatus();
      break;
    case "warning":
      body.dataset.warnedMinutes = String(frame.minutesLeft);
      $("warning").textContent = frame.minutesLeft + (frame.minutesLeft === 1 ? " minute" : " minutes") + " left.";
      break;
    case "broadcast": {
      const item = document.createElement("li");
      item.textContent = new Date(frame.sentAt).toLocaleTimeString() + ": " + frame.message;
      $("broadcasts").prepend(item);
      break;
    }
  }
}

function onLiveState(state, close) {
  if (state === "reconnecting") {
    body.dataset.disconnects = String(Number(body.dataset.disconnects) + 1);
    if (close && close.code === 4401) refreshToken().catch(() => signedOut(MESSAGES.TOKEN_EXPIRED));
    if (close && SOCKET_CLOSES[close.code]) {
      live.stop();
      show(SOCKET_CLOSES[close.code]);
      state = "off";
    }
  }
  body.dataset.live = state;
  $("live-status").textContent = { connecting: "connecting…", open: "● live", reconnecting: "reconnecting…", off: "" }[state];
}

function connectLive() {
  if (live) live.stop();
  live = new LiveConnection(
    () => `${config.liveUrl}/v1/exams/${encodeURIComponent(login.examId)}/live?access_token=${encodeURIComponent(login.token)}`,
    { onFrame, onState: onLiveState },
  );
  live.start();
}

// ------------------------------------------------------------------ start

async function begin() {
  await loadSession();
  scheduleRefresh();
  if (session.status !== "SUBMITTED") connectLive();
}

async function main() {
  config = await (await fetch("/api/v1/client-config")).json();
  setInterval(tick, 250);
  const saved = store.getItem("examday.login");
  if (!saved) {
    setPhase("login");
    return;
  }
  login = JSON.parse(saved);
  try {
    await begin();
  } catch (error) {
    if (error.status === 401 || error.status === 404) signedOut(explain(error));
    else show(explain(error));
  }
}

main();
