// How a suite's figures are measured, written under its rows in bench/results.md by a targeted run
// (`--only=<ids>`), so the method travels with the figures it explains.

export const METHOD_NOTES: Partial<Record<string, string>> = {
  S1: `S1 (script breakdown overhead): a 3,000-character Chinese script generated from a seeded PRNG (\`bench/harness/zh-script.ts\`:
scene headings, narration, dialogue; 160+ distinct lines) is broken down through the real path — \`requestBreakdown\` (film check,
budget, AiCall + HOLD + job in one transaction, the draft), the job runner's CHAT call job (claim, pre-send fence, send, settle),
the simulator over HTTP, the answer parsed and repaired into the draft — and, alternating with it (order flipped every round, after
3 warm-up pairs), the same chat requests POSTed straight to the simulator (the bare simulator time). A script this long is split
into parts, one call each (\`lib/shared/script-parts.ts\`), which the app queues together and sends under the model's cap of 5; the
bare side sends the service's own part requests (\`partRequests\`), at most 5 at a time. Figure: (median app − median
simulator) ÷ median simulator. The simulator answers a chat in 400 ms (speed 1), far below a real flash model on 3,000 characters
(tens of seconds), so the ratio is a worst case of a fixed cost. Target ≤ 0.25× (100 ms at 400 ms): what the path needs is three
small write transactions (queue, fence, settle), a claim, and a read of the answer once the worker signals it; more than that is
waste. (The service used to poll the call every 50 ms: ~30–50 ms of the overhead at load 13–20, now woken by the call's end.)
The breakdown row splits the app's time by the round's AiCalls' first createdAt / last finishedAt and their sends timed at the HTTP client
(\`bench/harness/timed-upstream.ts\`).`,
  S2: `S2 (still and speech lanes keep the cap full): 20 STILL calls (5 shots × 4 stills, \`makeStills\`) and 20 SPEECH calls (20 shots'
voice-overs, \`speakShot\`), 4× the cap of 5 each, queued through the real services before one worker starts with the production
settings (WORKER_CONCURRENCY 4, MODEL_CONCURRENCY 5, lease 60 s, idle poll 1 s ÷ speed); both lanes at once against the simulator
over HTTP (its cap 5 per model, real work time: a standard still 5–10 s, speech 1–3 s + espeak-ng; the runner's per-call work
does not compress, and at ÷2 it was a tenth of a speech call, a share it never has at full length). In flight = a request the
call job handed to the HTTP client and has not had back, timed exactly at the client. Figure per lane: the time-weighted mean of
in-flight ÷ cap from the lane's first send to its last send (after that the queue is empty and the lane must drain);
\`backlogUtilisation\` in \`bench/harness/stats.ts\`, unit-tested. The conditions say where the rest went: how long a freed slot
stayed empty before the lane's next call went out (\`handoffGaps\`: the answer stored and settled, the next claim, the pre-send fence).`,
};
