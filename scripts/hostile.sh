#!/usr/bin/env bash
# The hostile-user sweep of issue 15: odd files, hostile decks, database
# faults, signals, full disks and what a new user trips over. One line per
# case: case, expected, observed, ok/FAIL. Exit status: the number of FAILs.
#
# usage: scripts/hostile.sh [path/to/factdeck]   (default target/release/factdeck)
#
# Runs in a scratch folder; touches nothing else. Cases that need root (device
# nodes, tmpfs mounts for full and read-only disks) are skipped otherwise.
set -u
here=$(cd "$(dirname "$0")" && pwd)
F=$(realpath "${1:-$here/../target/release/factdeck}")
W=$(mktemp -d /tmp/factdeck-hostile.XXXXXX)
MOUNTS=()
cleanup() {
    for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null; done
    rm -rf "$W"
}
trap cleanup EXIT
cd "$W" || exit 99
export NO_COLOR=1
unset FACTDECK_STATE
ROOT=$([ "$(id -u)" = 0 ] && echo yes || echo no)
fails=0
n=0

row() { # name expected observed ok(0/1)
    n=$((n + 1))
    local verdict=ok
    if [ "$4" != 0 ]; then verdict=FAIL; fails=$((fails + 1)); fi
    printf '%2d  %-44s | %-42s | %-46s | %s\n' "$n" "$1" "$2" "${3:0:46}" "$verdict"
}
skip() { n=$((n + 1)); printf '%2d  %-44s | %-42s | %-46s | %s\n' "$n" "$1" "$2" "(needs root)" "skip"; }
# First line of a file, trimmed.
first() { head -n1 "$1" 2>/dev/null | tr -d '\r' | cut -c1-60; }
tmps() { find "$1" -maxdepth 1 -name '.factdeck-*' | wc -l; }
mount_tmpfs() { # dir size
    mkdir -p "$1" && mount -t tmpfs -o "size=$2" tmpfs "$1" && MOUNTS+=("$1")
}

# ------------------------------------------------------------------ fixtures
cat > a.md <<'EOF'
# Riverside levee

The riverside levee will cost $18 billion, the board said on March 3, 2031.

About 40 percent of the district's 12,000 residents were moved before the flood.

"We will finish the barrier by 2033," said Mayor Ellen Park.

The county president Marguerite Okonkwo-Delacroix announced on June 9, 2031 that the council would spend $2.5 million on pumps.
EOF
"$F" generate a.md -o deck.toml >/dev/null 2>&1
# A hostile deck: escape sequences in prompts, options and sentences.
hostile_deck() {
    sed -e 's/riverside levee/riverside\\u001B]0;pwned\\u0007levee\\u001B[2K/g' \
        -e 's/12,000/12,000\\u001B]52;c;ZWNobyBoaQ==\\u0007/g' deck.toml > "$1"
}
hostile_deck esc.toml
answers() { yes 1 | head -n 60; }

# ------------------------------------------------------------------ odd files
out=$("$F" extract missing.txt 2>&1); rc=$?
row "extract a missing file" "exit 1, names the file" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $out == *missing.txt* ]]; echo $?)"

mkdir -p adir; out=$("$F" extract adir 2>&1); rc=$?
row "extract a folder" "exit 1, clear error" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $out == *adir* && $out != *panick* ]]; echo $?)"

head -c 4000 /bin/sh > bin.dat; out=$("$F" extract bin.dat 2>&1); rc=$?
row "extract a binary file" "refused as binary" "exit $rc: ${out:0:30}" "$([[ $out == *binary* ]]; echo $?)"

: > empty.txt; out=$("$F" extract empty.txt --format json 2>&1); rc=$?
row "extract an empty file" "exit 0, no facts" "exit $rc, ${#out} bytes" "$([[ $rc == 0 && -z $out ]]; echo $?)"

out=$( (ulimit -v 2000000; timeout 30 "$F" extract /dev/zero) 2>&1 >/dev/null); rc=$?
row "extract /dev/zero" "clear error at a size cap" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $out != *"memory"* ]]; echo $?)"

out=$( (ulimit -v 2000000; timeout 30 "$F" quiz /dev/zero --state s0.db) 2>&1 >/dev/null); rc=$?
row "quiz /dev/zero as a deck" "clear error at a size cap" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $out != *"memory"* ]]; echo $?)"

printf 'Costs rose \xff\xfe to $5 million on May 2, 2030.\n' > bad.txt
out=$("$F" extract bad.txt --format json 2>&1); rc=$?
start=$(grep -o '"start":[0-9]*' <<<"$out" | head -1 | cut -d: -f2)
want=$(grep -bo '\$5 million' bad.txt | head -1 | cut -d: -f1)
row "invalid UTF-8: offsets count file bytes" "start = $want (byte offset)" "exit $rc, start=$start" "$([[ $rc == 0 && $start == "$want" ]]; echo $?)"

printf 'The grant of $7 million came on May 2, 2030.\n' | iconv -f utf-8 -t utf-16 > u16.txt
out=$("$F" extract u16.txt --format json 2>&1); rc=$?
row "UTF-16 file with a BOM" "decoded, facts found" "exit $rc: ${out:0:30}" "$([[ $rc == 0 && $out == *'$7 million'* ]]; echo $?)"

printf 'Title\rIt cost $5 million.\rIt opened on May 2, 2030.\r' > cr.txt
out=$("$F" extract cr.txt --format json 2>&1)
lines=$(grep -o '"line":[0-9]*' <<<"$out" | sort -u | wc -l)
row "CR-only line ends" "facts on their own lines" "$lines distinct lines" "$([[ $lines -ge 2 ]]; echo $?)"

cp deck.toml keep.toml; sum=$(md5sum < keep.toml)
out=$("$F" generate a.md -o keep.toml 2>&1); rc=$?
row "generate onto an existing file" "refused without --force" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $out == *--force* && $(md5sum < keep.toml) == "$sum" ]]; echo $?)"

if [ "$ROOT" = yes ]; then
    mknod full c 1 7
    out=$("$F" generate a.md -o full --force 2>&1); rc=$?
    row "generate -o <a /dev/full node> --force" "refused, still a device" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && -c full ]]; echo $?)"
    out=$("$F" generate a.md -o full 2>&1); rc=$?
    row "generate -o <device> without --force" "says not a regular file" "exit $rc: ${out:0:30}" "$([[ $out == *"regular file"* ]]; echo $?)"
else
    skip "generate -o <a /dev/full node> --force" "refused, still a device"
    skip "generate -o <device> without --force" "says not a regular file"
fi

# A private link like /dev/stdout (the real one is not put at risk).
ln -s /proc/self/fd/1 stdout-link
"$F" generate a.md -o stdout-link --force 2>stdout.err | cat >/dev/null; rc=${PIPESTATUS[0]}; out=$(cat stdout.err)
row "generate -o <a /dev/stdout link> --force" "refused (a pipe); link kept" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && -L stdout-link ]]; echo $?)"

mkfifo fifo; out=$("$F" export deck.toml --to csv -o fifo --force 2>&1); rc=$?
row "export -o FIFO --force" "refused, FIFO kept" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && -p fifo ]]; echo $?)"

mkdir -p real; cp deck.toml real/target.toml; ln -s real/target.toml link.toml
out=$("$F" generate a.md -o link.toml --force --title Linked 2>&1); rc=$?
row "generate -o symlink --force" "written through, link kept" "exit $rc, link=$([ -L link.toml ] && echo yes)" "$([[ $rc == 0 && -L link.toml ]] && grep -q Linked real/target.toml; echo $?)"

ln -s nowhere.toml dangling.toml; out=$("$F" generate a.md -o dangling.toml --force 2>&1); rc=$?
row "generate -o dangling symlink" "refused, clear error" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && ! -e nowhere.toml ]]; echo $?)"

out=$("$F" generate a.md -o adir --force 2>&1); rc=$?
row "generate -o <folder> --force" "refused, folder kept" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && -d adir ]]; echo $?)"

"$F" generate a.md -o - > dash.toml 2> dash.err; rc=$?
"$F" check dash.toml >/dev/null 2>&1; ck=$?
row "generate -o -" "deck on stdout, summary on stderr" "exit $rc, check exit $ck, no file '-'" "$([[ $rc == 0 && $ck == 0 && ! -e ./- ]]; echo $?)"

out=$("$F" generate a.md -o nofolder/deck.toml 2>&1); rc=$?
row "generate into a missing folder" "exit 1, names the folder" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $out == *nofolder* ]]; echo $?)"

out=$( (ulimit -f 2; "$F" generate a.md -o big.toml --force) 2>&1); rc=$?
row "generate under ulimit -f (file too large)" "exit 1, no temporary file left" "exit $rc, $(tmps .) tmp: ${out:0:20}" "$([[ $rc == 1 && $(tmps .) == 0 ]]; echo $?)"

for i in $(seq 60); do cat a.md; done > long.md
left=0; for d in 0.05 0.1 0.15 0.2 0.3; do
    mkdir -p sig; "$F" generate long.md -o sig/deck.toml --force >/dev/null 2>&1 & pid=$!
    sleep $d; kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null
    left=$((left + $(tmps sig)))
done
row "SIGTERM during generate (5 timings)" "no .factdeck-*.tmp left" "$left left behind" "$([[ $left == 0 ]]; echo $?)"

if [ "$ROOT" = yes ] && mount_tmpfs full_fs 48k; then
    # Fill the file system to the last block, so even a tiny deck cannot fit.
    cat /dev/urandom > full_fs/filler 2>/dev/null
    out=$("$F" generate a.md -o full_fs/deck.toml 2>&1); rc=$?
    row "generate onto a full disk" "clear error, no temporary file" "exit $rc, $(tmps full_fs) tmp: ${out:0:20}" "$([[ $rc == 1 && $(tmps full_fs) == 0 && $out == *space* ]]; echo $?)"
else
    skip "generate onto a full disk" "clear error, no temporary file"
fi

# ------------------------------------------------------------------ hostile decks
out=$(answers | "$F" quiz esc.toml --cram --seed 1 --state e.db 2>&1); rc=$?
esc=$(grep -c $'\x1b' <<<"$out")
row "escape sequences in prompts/sentences (quiz)" "no ESC reaches the terminal" "exit $rc, $esc lines with ESC" "$([[ $esc == 0 ]]; echo $?)"

out=$(answers | "$F" quiz esc.toml --cram --seed 1 --state e.db 2>&1)
row "  … shown as visible escapes" "\\x1b]0;pwned\\x07 visible" "$(grep -o '\\x1b\]0;pwned\\x07' <<<"$out" | head -1)" "$([[ $out == *'\x1b]0;pwned\x07'* || $rc == 1 ]]; echo $?)"

out=$("$F" stats esc.toml --state e.db 2>&1)
row "escape sequences in stats output" "no ESC" "$(grep -c $'\x1b' <<<"$out") lines with ESC" "$([[ $(grep -c $'\x1b' <<<"$out") == 0 ]]; echo $?)"

out=$("$F" check esc.toml 2>&1); rc=$?
row "check on a deck with control characters" "refused, field named" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $out == *prompt* ]]; echo $?)"

for v in '"lots"' nan -inf; do
    awk -v v="$v" 'BEGIN{done=0} /^value = [0-9]/ && !done {print "value = " v; done=1; next} {print}' deck.toml > money.toml
    out=$("$F" check money.toml 2>&1); rc=$?
    row "check: money value = $v" "refused" "exit $rc: ${out:0:30}" "$([[ $rc == 1 ]]; echo $?)"
done

sed 's/riverside levee/<script>alert(1)<\/script>/g' deck.toml > xss.toml
"$F" export xss.toml --to cards -o xss.html >/dev/null 2>&1
"$F" export xss.toml --to worksheet -o xssw.html >/dev/null 2>&1
"$F" export xss.toml --to anki-text -o xss.txt >/dev/null 2>&1
raw=$(cat xss.html xssw.html xss.txt 2>/dev/null | grep -c '<script>alert')
row "<script> in a deck (cards, worksheet, Anki)" "escaped everywhere" "$raw raw <script> lines" "$([[ $raw == 0 && -s xss.html ]]; echo $?)"

sed 's/^prompt = "The riverside/prompt = "-2+3 The riverside/; s/^prompt = "About/prompt = "=1+1 About/; s/^prompt = "How/prompt = "@SUM(1) How/' deck.toml > csvi.toml
"$F" export csvi.toml --to csv -o csvi.csv --force >/dev/null 2>&1
bad=$(grep -cE '(^|,)"?[-=+@]' csvi.csv)
row "CSV formula injection (= + - @)" "every formula cell defused" "$bad cells start with = + - @" "$([[ $bad == 0 ]]; echo $?)"

"$F" generate a.md -o colons.toml --title 'Civics :: Levee' >/dev/null 2>&1
"$F" export colons.toml --to anki-text -o colons.txt >/dev/null 2>&1
name=$(grep -v '^#' colons.txt | head -1 | cut -f2)
row "deck title with :: (Anki)" "one deck, no sub-decks" "deck name '$name'" "$([[ $name != *::* && -n $name ]]; echo $?)"

sed 's/^format = 1/format = 7/' deck.toml > f7.toml; out=$("$F" quiz f7.toml --state f7.db 2>&1 </dev/null); rc=$?
row "deck of a newer format" "refused, says format 7" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $out == *7* ]]; echo $?)"

printf 'format = 1\n[deck\ntitle = "x"\n' > broken.toml; out=$("$F" check broken.toml 2>&1); rc=$?
row "deck that is not TOML" "path:line:col error" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $out == broken.toml:[0-9]* ]]; echo $?)"

# ------------------------------------------------------------------ database faults
head -c 8192 /dev/urandom > corrupt.db; sum=$(md5sum < corrupt.db)
out=$(echo 1 | "$F" quiz deck.toml --cram --state corrupt.db 2>&1); rc=$?
row "corrupt database" "refused, left untouched" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $(md5sum < corrupt.db) == "$sum" ]]; echo $?)"

sqlite3 foreign.db 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'; sum=$(md5sum < foreign.db)
out=$(echo 1 | "$F" quiz deck.toml --cram --state foreign.db 2>&1); rc=$?
row "foreign SQLite file" "refused, left untouched" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $out == *"not a factdeck"* && $(md5sum < foreign.db) == "$sum" ]]; echo $?)"

answers | "$F" quiz deck.toml --cram --limit 1 --seed 1 --state newer.db >quiz.log 2>&1
sqlite3 newer.db 'PRAGMA user_version = 99;'
out=$(echo 1 | "$F" quiz deck.toml --cram --state newer.db 2>&1); rc=$?
row "database from a newer factdeck" "refused" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $out == *newer* ]]; echo $?)"

mkdir -p dbdir; out=$(echo 1 | "$F" quiz deck.toml --cram --state dbdir 2>&1); rc=$?
row "database path is a folder" "exit 1, clear error" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $out == *dbdir* ]]; echo $?)"

okc=0; for i in 1 2 3 4; do (echo 1 | "$F" quiz deck.toml --cram --limit 1 --seed $i --state race.db >race$i.out 2>race$i.err; echo $? > race$i.rc) & done; wait
for i in 1 2 3 4; do [ "$(cat race$i.rc)" = 0 ] && okc=$((okc + 1)); done
row "4 first-time sessions race on a new database" "all 4 succeed" "$okc of 4 succeeded" "$([[ $okc == 4 ]]; echo $?)"

answers | "$F" quiz deck.toml --cram --limit 1 --seed 1 --state busy.db >quiz.log 2>&1
python3 -c "
import sqlite3, time, sys
c = sqlite3.connect('busy.db', isolation_level=None); c.execute('BEGIN EXCLUSIVE')
open('busy.locked', 'w').close(); time.sleep(float(sys.argv[1])); c.execute('ROLLBACK')" 4.5 &
lp=$!; while [ ! -e busy.locked ]; do sleep 0.05; done
out=$(echo 1 | "$F" quiz deck.toml --cram --limit 1 --seed 1 --state busy.db 2>&1); rc=$?; wait $lp
row "database locked 4.5 s by another process" "waits (says so), then succeeds" "exit $rc: $(grep -o 'busy[^;]*' <<<"$out" | head -1)" "$([[ $rc == 0 && $out == *busy* && $out == *Session* ]]; echo $?)"

rm -f busy.locked
python3 -c "
import sqlite3, time
c = sqlite3.connect('busy.db', isolation_level=None); c.execute('BEGIN EXCLUSIVE')
open('busy.locked', 'w').close(); time.sleep(12)" &
lp=$!; while [ ! -e busy.locked ]; do sleep 0.05; done
before=$(sqlite3 busy.db 'select count(*) from reviews' 2>/dev/null)
out=$(echo 1 | FACTDECK_BUSY_WAIT=2 "$F" quiz deck.toml --cram --limit 1 --state busy.db 2>&1); rc=$?
kill $lp 2>/dev/null; wait $lp 2>/dev/null
row "database locked for good (BUSY_WAIT=2)" "exit 1, says locked; history kept" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $out == *locked* && $(sqlite3 busy.db 'select count(*) from reviews') == "$before" ]]; echo $?)"

if [ "$ROOT" = yes ] && mount_tmpfs ro_fs 4m; then
    cp deck.toml ro_fs/; answers | "$F" quiz ro_fs/deck.toml --cram --limit 2 --seed 1 --state ro_fs/s.db >quiz.log 2>&1
    mount -o remount,ro ro_fs
    out=$("$F" stats ro_fs/deck.toml --state ro_fs/s.db 2>&1); rc=$?
    row "stats on a read-only database" "shows the statistics" "exit $rc: $(grep -o 'reviews  .*' <<<"$out")" "$([[ $rc == 0 && $out =~ reviews\ +[1-9] ]]; echo $?)"
    out=$(echo 1 | "$F" quiz ro_fs/deck.toml --cram --state ro_fs/s.db 2>&1); rc=$?
    row "quiz on a read-only database" "exit 1, clear error" "exit $rc: ${out:0:30}" "$([[ $rc == 1 && $out == *s.db* ]]; echo $?)"
else
    skip "stats on a read-only database" "shows the statistics"
    skip "quiz on a read-only database" "exit 1, clear error"
fi

if [ "$ROOT" = yes ] && mount_tmpfs start_fs 64k; then
    cp deck.toml start_fs/; head -c 50000 /dev/urandom > start_fs/filler 2>/dev/null
    out=$(echo 1 | "$F" quiz start_fs/deck.toml --cram --state start_fs/s.db 2>&1); rc=$?
    row "full disk at the start of a session" "exit 1, says the disk is full" "exit $rc: ${out:30:40}" "$([[ $rc == 1 && $out == *"full"* && $out != *"disk I/O error"* ]]; echo $?)"
else
    skip "full disk at the start of a session" "exit 1, says the disk is full"
fi

answers | "$F" quiz deck.toml --cram --limit 1 --seed 1 --state fill.db >quiz.log 2>&1
lim=$(( $(stat -c %s fill.db) / 1024 + 8 ))
out=$( (ulimit -f $lim; answers | FACTDECK_BUSY_WAIT=1 "$F" quiz deck.toml --cram --seed 1 --state fill.db) 2>&1); rc=$?
row "disk fills mid-session (ulimit -f)" "says answer not saved; summary" "exit $rc, $(grep -c 'not saved' <<<"$out") notice, $(grep -c '^Session' <<<"$out") summary" "$([[ $rc == 1 && $out == *"not saved"* && $out == *Session* ]]; echo $?)"

# ------------------------------------------------------------------ signals and streams
quiz_bg() { # db: a piped quiz session in the background, answers on fd 7
    rm -f qin; mkfifo qin
    "$F" quiz deck.toml --cram --seed 1 --state "$1" < qin > qout 2>&1 & qpid=$!
    exec 7> qin
}
until_text() { for _ in $(seq 100); do grep -q "$1" qout 2>/dev/null && return 0; sleep 0.05; done; return 1; }
for sig in KILL INT TERM HUP; do
    quiz_bg sig$sig.db; until_text '1/'; echo 1 >&7; until_text '2/'
    kill -$sig $qpid; wait $qpid; rc=$?; exec 7>&-
    kept=$(sqlite3 sig$sig.db 'select count(*) from reviews' 2>/dev/null)
    if [ $sig = KILL ]; then
        row "kill -9 mid-session" "earlier answers kept" "exit $rc, $kept answer kept" "$([[ $kept == 1 ]]; echo $?)"
    else
        want=$((128 + $(kill -l $sig)))
        row "SIG$sig mid-session (piped)" "summary, exit $want, answer kept" "exit $rc, kept $kept, $(grep -c '^Session' qout) summary" "$([[ $rc == "$want" && $kept == 1 ]] && grep -q '^Session interrupted' qout; echo $?)"
    fi
done

for act in term hup; do
    res=$(python3 "$here/pty_quiz.py" 80 $act -- "$F" quiz deck.toml --cram --seed 1 --state pty$act.db)
    rc=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["rc"])' <<<"$res")
    canon=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["canonical"])' <<<"$res")
    summ=$(python3 -c 'import json,sys; print(int("Session interrupted" in json.load(sys.stdin)["out"]))' <<<"$res")
    row "SIG${act^^} on a terminal" "terminal restored, summary" "exit $rc, canonical=$canon, summary=$summ" "$([[ $canon == True && $summ == 1 ]]; echo $?)"
done

res=$(python3 "$here/pty_quiz.py" 80 ctrl-d -- "$F" quiz deck.toml --cram --seed 1 --state ptyd.db)
rc=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["rc"])' <<<"$res")
row "Ctrl-D on a terminal" "ends like q: exit 0, summary" "exit $rc" "$([[ $rc == 0 ]] && grep -q 'Session ended' <<<"$res"; echo $?)"

answers | "$F" quiz deck.toml --cram --seed 1 --state closed.db >&- 2>closed.err; rc=$?
kept=$(sqlite3 closed.db 'select count(*) from reviews' 2>/dev/null || echo 0)
row "closed standard output (>&-)" "stops cleanly, non-zero, nothing asked" "exit $rc, ${kept:-0} answers recorded" "$([[ $rc != 0 && ${kept:-0} == 0 ]]; echo $?)"

answers | "$F" quiz deck.toml --cram --seed 1 --state head.db 2>head.err | head -n 3 >/dev/null
row "quiz … | head" "quiet exit, no 'Broken pipe'" "stderr: '$(first head.err)'" "$([[ ! -s head.err ]]; echo $?)"

"$F" generate a.md -o - 2>/dev/null | head -c 10 >/dev/null; rc=${PIPESTATUS[0]}
"$F" generate long.md -o - 2>gen.err | head -c 10 >/dev/null
row "generate -o - | head -c 10" "quiet" "stderr: '$(grep -v wrote gen.err | grep -v cards: | head -1)'" "$(! grep -qi 'error\|pipe' gen.err; echo $?)"

# ------------------------------------------------------------------ new users
# Multiple-choice and true/false cards print the longest summary lines.
"$F" generate a.md -o mc.toml --types multiple_choice,true_false >/dev/null 2>&1
res=$(python3 "$here/pty_quiz.py" 40 wrong -- "$F" quiz mc.toml --cram --seed 1 --state wrap.db)
broken=$(python3 -c '
import json, sys
out = json.load(sys.stdin)["out"].replace("\r", "")
summary = out[out.rfind("Session "):]
print(sum(1 for l in summary.split("\n") if len(l) > 39))' <<<"$res")
row "summary on a 40-column terminal" "wrapped between words" "$broken lines wider than 39" "$([[ $broken == 0 ]] && grep -q 'Session' <<<"$res"; echo $?)"

h=$("$F" quiz --help); row "quiz --help lists --types values" "cloze, multiple_choice, …" "$(grep -o 'possible values: [a-z_, ]*' <<<"$h" | head -1 | cut -c1-40)" "$([[ $h == *short_answer* ]]; echo $?)"
h=$("$F" export --help); row "export --help lists --per-page values" "4, 6, 8, 10" "$(grep -o 'possible values: 4[0-9, ]*' <<<"$h")" "$([[ $h == *"4, 6, 8, 10"* ]]; echo $?)"

out=$("$F" quiz deck.toml --types essay --state t.db 2>&1); rc=$?
row "quiz --types essay" "exit 2, lists the valid types" "exit $rc: ${out:0:30}" "$([[ $rc == 2 && $out == *short_answer* ]]; echo $?)"

printf 'It cost $5 million on May 2, 2030, the board said in a long first sentence.\n' > notitle.txt
"$F" generate notitle.txt -o notitle.toml >/dev/null 2>&1
t=$(grep -m1 '^title' notitle.toml)
row "deck without --title or heading" "named after the file" "$t" "$([[ $t == *notitle* ]]; echo $?)"

for i in $(seq 6); do cat a.md; done > ws.md; "$F" generate ws.md -o ws.toml >/dev/null 2>&1
"$F" export ws.toml --to worksheet --versions 2 -o ws.html >/dev/null 2>&1
row "worksheet pages: number and version label" "every page: Page N, Version X" "$(grep -c 'counter(page)' ws.html) page counter, $(grep -c '@top-right' ws.html) labels" "$(grep -q 'counter(page)' ws.html && grep -q 'content: "Version B"' ws.html; echo $?)"

out=$(echo | "$F" quiz deck.toml --limit 0 --state l0.db 2>&1); rc=$?
row "quiz --limit 0" "clear answer, no panic" "exit $rc: ${out:0:30}" "$([[ $out != *panick* ]]; echo $?)"

echo
echo "$n cases, $fails FAIL"
exit "$fails"
