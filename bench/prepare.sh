# Sourced by the benchmark scripts: builds the WAR from the current sources, fetches Payara Micro and the
# PostgreSQL driver into target/bench once, and installs the Node client (ws).
WORK=target/bench
mkdir -p "$WORK"
(cd bench && npm install --no-audit --no-fund --silent)
mvn -B -q package -DskipUTs
for artifact in fish.payara.extras:payara-micro:6.2025.10 org.postgresql:postgresql:42.7.14; do
    name=$(echo "$artifact" | cut -d: -f2)
    [ -f "$WORK/$name.jar" ] || mvn -B -q dependency:copy -Dartifact="$artifact" -Dmdep.stripVersion=true \
        -DoutputDirectory="$WORK"
done
