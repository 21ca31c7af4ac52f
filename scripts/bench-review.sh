#!/usr/bin/env bash
# The review page on a 10,000-card deck: time from navigation until the first
# cards are drawn in headless Chromium (driven by chromedriver), the deck's
# JSON from the server, and saves (drop two cards, edit one) as the page sends
# them. The deck comes from `cargo bench --bench generate -- --save-10k`.
# Needs chromium and chromium-driver. Usage: scripts/bench-review.sh [DECK.toml]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
if [ $# -ge 1 ]; then
  cp "$1" "$tmp/deck.toml"
else
  cargo bench --quiet --bench generate -- --save-10k "$tmp/deck.toml" >/dev/null
fi
bin=target/release/factdeck
"$bin" review "$tmp/deck.toml" --no-open > "$tmp/out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q http "$tmp/out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$tmp/out")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
chromedriver --port="$port" >/dev/null 2>&1 &
pids+=($!)
python3 - "$url" "$port" "$tmp" <<'PY'
import json, sys, time, urllib.request
url, port, tmp = sys.argv[1], int(sys.argv[2]), sys.argv[3]
base, token = url.split("/?token=")
def call(u, method="GET", body=None, headers=None):
    req = urllib.request.Request(u, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read() or b"null")
wd = f"http://127.0.0.1:{port}"
for _ in range(100):
    try: call(wd + "/status"); break
    except Exception: time.sleep(0.1)
args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,1000", f"--user-data-dir={tmp}/profile"]
sid = call(wd + "/session", "POST", {"capabilities": {"alwaysMatch": {"browserName": "chrome",
           "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": args}}}})["value"]["sessionId"]
s = f"{wd}/session/{sid}"
js = lambda src: call(s + "/execute/sync", "POST", {"script": src, "args": []})["value"]
try:
    firsts = []
    for _ in range(3):
        call(s + "/url", "POST", {"url": url})
        while not js("return document.body.dataset.ready === '1'"):
            time.sleep(0.02)
        firsts.append(int(js("return document.body.dataset.firstCardsMs")))
    n = js("return document.getElementById('counts').textContent")
    print(f"first cards on screen: {min(firsts)} ms after navigation (best of 3: {firsts}); {n}")
    t = time.perf_counter(); deck = call(f"{base}/api/deck?token={token}")
    print(f"/api/deck: {len(deck['cards'])} cards as JSON in {1000*(time.perf_counter()-t):.0f} ms")
    cards = deck["cards"]
    times = []
    for k in range(5):
        edits = [dict(index=i, id=cards[i]["id"], dropped=(k % 2 == 0) and i < 2, prompt=cards[i]["prompt"],
                      answer=cards[i]["answer"] + (" " if False else ""), options=cards[i]["options"],
                      accepted=cards[i]["accepted"] + ([f"edit {k}"] if i == 2 else [])) for i in range(3)]
        t = time.perf_counter()
        res = call(f"{base}/api/save?token={token}", "POST", edits, {"Origin": base})
        times.append(1000 * (time.perf_counter() - t))
    print(f"save (2 drops + 1 edit, {len(cards)} cards written): best {min(times):.0f} ms, worst {max(times):.0f} ms; {res}")
finally:
    call(s, "DELETE")
PY
ls -l "$tmp/deck.toml" | awk '{printf "deck file: %.1f MB\n", $5/1e6}'
