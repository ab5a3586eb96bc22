# Sourced by the benchmark scripts: builds the WAR from the current sources, fetches Payara Micro and the
# PostgreSQL driver into target/bench once, and installs the Node client (ws).
WORK=target/bench
mkdir -p "$WORK"
(cd bench && npm install --no-audit --no-fund --silent)
mvn -B -q clean package -DskipUTs  # clean: no class of a deleted source stays in the WAR
for artifact in fish.payara.extras:payara-micro:6.2025.10 org.postgresql:postgresql:42.7.14; do
    name=$(echo "$artifact" | cut -d: -f2)
    [ -f "$WORK/$name.jar" ] || mvn -B -q dependency:copy -Dartifact="$artifact" -Dmdep.stripVersion=true \
        -DoutputDirectory="$WORK"
done

# start_server NAME PORT POSTBOOT-FILE [VAR=VALUE ...]: starts the WAR on Payara Micro like the run command, with a
# fresh data folder target/bench/data-NAME and its log in target/bench/server-NAME.log; waits for /api/health and
# leaves the process id in SERVER. The caller stops it (a trap in each script).
start_server() {
    local name=$1 port=$2 postboot=$3
    shift 3
    rm -rf "$WORK/data-$name"
    env "$@" WHITEBOARD_DATA_DIR="$PWD/$WORK/data-$name" WHITEBOARD_PORT="$port" \
        java -Xmx1g ${BENCH_JVM_OPTS:-} -jar "$WORK/payara-micro.jar" --nocluster --port "$port" --addlibs "$WORK/postgresql.jar" \
        --postbootcommandfile "$postboot" --deploy target/whiteboard.war --contextroot / > "$WORK/server-$name.log" 2>&1 &
    SERVER=$!
    until curl -sf -o /dev/null "http://localhost:$port/api/health"; do
        kill -0 "$SERVER" 2>/dev/null || { echo "server did not start, see $WORK/server-$name.log"; exit 1; }
        sleep 1
    done
}
