#!/usr/bin/env bash
# Smoke check of the installable app image (README "Installing the app"): starts bin/Coffer on a virtual
# display with a fresh home folder and no java or mvn on the PATH, waits until its bundled server answers,
# checks that the server listens on 127.0.0.1 only and that the JVM is the image's own, takes a screenshot
# of the display and fails if it is blank, then stops the app.
#
#   mvn -B -Pdist -pl app -am package -DskipTests && app/src/dist/smoke.sh [IMAGE] [--out DIR]
#   app/src/dist/smoke.sh --check      # only say whether the tools it needs are installed (exit 3 if not)
#   app/src/dist/smoke.sh --packages   # the Debian packages that hold them
#
# IMAGE defaults to app/target/dist/Coffer; the screenshot (shot.png) and the app's output (app.log) are
# left in DIR, default app/target/dist-smoke. SMOKE_TIMEOUT (seconds, default 120) bounds each wait.
# Exit codes: 0 passed, 1 a check failed, 3 a tool is missing.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
PACKAGES="xvfb xauth x11-apps imagemagick libgtk-3-0 iproute2"
timeout_s=${SMOKE_TIMEOUT:-120}

fail() {
    echo "smoke: FAILED: $*" >&2
    exit 1
}

missing_tools() {
    local missing=() tool
    for tool in xvfb-run xauth xwd convert ss; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    # JavaFX's window toolkit links GTK 3; without it the app cannot open a window
    if ! /sbin/ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0'; then
        missing+=("libgtk-3.so.0")
    fi
    echo "${missing[*]}"
}

check_tools() {
    local missing
    missing=$(missing_tools)
    if [ -n "$missing" ]; then
        echo "smoke: missing: $missing" >&2
        echo "smoke: on Debian or Ubuntu: apt-get install -y --no-install-recommends $PACKAGES" >&2
        exit 3
    fi
}

# --- inside xvfb-run: DISPLAY and XAUTHORITY name the virtual display -----------------------------------
inside() {
    local image=$1 out=$2 work=$3
    local home=$work/home bare_path=$work/bare-path log=$out/app.log
    mkdir -p "$home" "$bare_path"

    # the app's environment: nothing but the display, a home folder, a UTF-8 locale and a PATH that holds
    # nothing at all (this machine's /usr/bin may well hold a java). Java takes user.home from the user's
    # account, not from HOME, so the JVM is told too: the app's data (~/.coffer) and JavaFX's unpacked
    # native libraries (~/.openjfx) then land in the fresh folder, not in the real home.
    local app_env=(env -i "PATH=$bare_path" "HOME=$home" "DISPLAY=$DISPLAY" "XAUTHORITY=$XAUTHORITY" "LANG=C.UTF-8"
        "JAVA_TOOL_OPTIONS=-Duser.home=$home")
    local found
    found=$("${app_env[@]}" /bin/sh -c 'command -v java mvn javac || true')
    [ -z "$found" ] || fail "the app's PATH still finds: $found"

    "${app_env[@]}" "$image/bin/Coffer" >"$log" 2>&1 &
    local pid=$!
    stop_app() {
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.2
            done
            kill -9 "$pid" 2>/dev/null || true
        fi
        wait "$pid" 2>/dev/null || true
    }
    trap stop_app EXIT
    echo "smoke: started $image/bin/Coffer (pid $pid, HOME=$home)"

    alive() {
        kill -0 "$pid" 2>/dev/null || {
            echo "--- the app's output ($log), last lines:" >&2
            tail -n 40 "$log" >&2
            fail "the app exited before the check was done"
        }
    }

    # 1. the bundled server says where it listens: "Listening on 127.0.0.1:PORT with ..." (stderr)
    local deadline=$((SECONDS + timeout_s)) line="" host port
    while [ -z "$line" ]; do
        alive
        [ "$SECONDS" -lt "$deadline" ] || { tail -n 40 "$log" >&2; fail "no 'Listening on' line from the bundled server within ${timeout_s}s"; }
        line=$(grep -o -m1 -E 'Listening on [0-9a-fA-F.:]+:[0-9]+' "$log" || true)
        [ -n "$line" ] || sleep 0.5
    done
    host=${line#Listening on }
    port=${host##*:}
    host=${host%:*}
    echo "smoke: the bundled server says it listens on $host:$port"
    [ "$host" = "127.0.0.1" ] || fail "the bundled server listens on $host, not 127.0.0.1"

    # 2. it answers
    local health=""
    while ! health=$(health_of "$port"); do
        alive
        [ "$SECONDS" -lt "$deadline" ] || fail "http://127.0.0.1:$port/health did not answer 200 within ${timeout_s}s"
        sleep 0.5
    done
    echo "smoke: GET /health -> $health"

    # 3. every socket the process listens on is on loopback
    local sockets
    sockets=$(ss -Hltnp | grep -F "pid=$pid," || true)
    echo "smoke: the app's listening sockets:"
    echo "$sockets" | awk '{print "         " $4}'
    local exposed
    exposed=$(echo "$sockets" | awk '{print $4}' | grep -v -E '^(127\.[0-9.]+|\[::1\]|\[::ffff:127\.[0-9.]+\]):[0-9]+$' || true)
    [ -z "$exposed" ] || fail "pid $pid listens beyond loopback: $exposed"
    # Java may open an IPv6 socket bound to the IPv4-mapped loopback address: [::ffff:127.0.0.1]
    echo "$sockets" | awk '{print $4}' | grep -qx -E "(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]):$port" \
        || fail "ss shows no socket of pid $pid on 127.0.0.1:$port"

    # 4. the JVM is the image's own runtime, not a JDK of the machine
    local jvm
    jvm=$(grep -o -m1 '/[^ ]*/libjvm\.so' "/proc/$pid/maps" || true)
    case "$jvm" in
        "$image"/lib/runtime/*) echo "smoke: JVM: $jvm" ;;
        *) fail "the process runs the JVM '${jvm:-none found}', not the image's $image/lib/runtime" ;;
    esac
    [ -f "$home/.coffer/embedded/coffer.db" ] || fail "no bundled server data in the fresh home ($home/.coffer/embedded)"

    # 5. a window is drawn: the screen has more than a handful of colours (blank Xvfb is one)
    local colours=0 shot=$out/shot.png
    while :; do
        alive
        if xwd -root -silent | convert xwd:- "png:$shot" 2>/dev/null; then
            colours=$(convert "$shot" -format %k info: 2>/dev/null || echo 0)
        fi
        [ "$colours" -gt 50 ] && break
        [ "$SECONDS" -lt "$deadline" ] || fail "the screen stayed blank: $colours colours in $shot"
        sleep 1
    done
    echo "smoke: screenshot $shot: $colours colours"

    stop_app
    trap - EXIT
    echo "smoke: passed"
}

# GET /health on loopback; prints the body and succeeds on a 200
health_of() {
    local port=$1 answer
    answer=$(timeout 5 bash -c '
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf "GET /health HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n" "$1" >&3
        cat <&3' _ "$port" 2>/dev/null) || return 1
    case "$answer" in
        "HTTP/1."?" 200"*) printf '%s\n' "$answer" | tr -d '\r' | sed -n '/^$/,$p' | tr -d '\n' ;;
        *) return 1 ;;
    esac
}

# --- outside: arguments, tools, then the same script again under xvfb-run ------------------------------
main() {
    if [ "${1:-}" = "--inside" ]; then
        shift
        inside "$@"
        return
    fi
    if [ "${1:-}" = "--packages" ]; then
        echo "$PACKAGES"
        return
    fi
    if [ "${1:-}" = "--check" ]; then
        check_tools
        echo "smoke: every tool is installed"
        return
    fi
    local image="" out=""
    while [ $# -gt 0 ]; do
        case "$1" in
            --out) out=${2:?--out needs a folder}; shift 2 ;;
            -h|--help) sed -n '2,13p' "$0"; return ;;
            *) image=$1; shift ;;
        esac
    done
    image=${image:-$here/../../target/dist/Coffer}
    out=${out:-$here/../../target/dist-smoke}
    [ -x "$image/bin/Coffer" ] \
        || fail "no launcher at $image/bin/Coffer; build the image: mvn -B -Pdist -pl app -am package -DskipTests"
    check_tools
    image=$(cd "$image" && pwd)
    mkdir -p "$out"
    out=$(cd "$out" && pwd)
    rm -f "$out/shot.png" "$out/app.log"

    local work
    work=$(mktemp -d "${TMPDIR:-/tmp}/coffer-smoke.XXXXXX")
    # shellcheck disable=SC2064  # the folder is known now
    trap "rm -rf '$work'" EXIT
    local started=$SECONDS
    xvfb-run -a -s "-screen 0 1280x800x24" "$0" --inside "$image" "$out" "$work"
    echo "smoke: took $((SECONDS - started))s"
}

main "$@"
