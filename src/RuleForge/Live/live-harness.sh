#!/bin/bash
# RuleForge live harness: runs the real Rspamd, SpamAssassin and Postfix from a built tree and
# sends every scenario through them. Runs inside `unshare --net --mount --propagation private`:
# only the loopback interface exists, and the bind mounts below are private to this namespace.
# Usage: live-harness.sh WORK TREE DBDIR PARALLEL TARGETS
#   WORK     prepared by LiveHarness: dns.conf, dkim-domains, scenarios.tsv, msgs/, live-sign.pl
#   DBDIR    Rspamd's DBDIR, kept between runs so that a warm start takes under a second
#   TARGETS  comma list of the targets to run: rspamd,spamassassin,postfix
# Results go to WORK/out; stdout is a progress log. Every wait and every client is bounded.
set -u
W="$1"; TREE="$2"; DB="$3"; PAR="$4"; TARGETS=",$5,"
O="$W/out"; RUN="$W/run"
mkdir -p "$O" "$RUN" "$W/etc"
# Note: the daemons drop root (_rspamd, nobody, postfix) and must walk into the work folder.
chmod 755 "$W" "$O" "$RUN"
T0=$(date +%s.%N)

stamp() { printf 'TIME\t%s\t%s\n' "$1" "$(echo "$(date +%s.%N) - $T0" | bc)" | tee -a "$O/times"; }
problem() { # message [logfile]
  printf 'P\t%s\n' "$1" >> "$O/problems"
  if [ -n "${2:-}" ]; then
    if [ -s "$2" ]; then tail -n 20 "$2" | sed 's/^/T\t/' >> "$O/problems"
    else printf 'T\t(%s is empty or missing)\n' "$2" >> "$O/problems"; fi
  fi
}
has() { case "$TARGETS" in *",$1,"*) return 0;; esac; return 1; }
wait_port() { # port tenths
  local i
  for i in $(seq 1 "${2:-300}"); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
stop_pid() { # pidfile
  local pid i
  [ -s "$1" ] || return 0
  pid=$(cat "$1")
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
}

# ---- Sandbox: loopback only, a private resolv.conf naming the loopback DNS server.
ip link set lo up
printf 'nameserver 127.0.0.1\n' > "$W/resolv.conf"
mount --bind "$W/resolv.conf" /etc/resolv.conf || problem "cannot bind-mount /etc/resolv.conf"
ip -o link | awk -F': ' '{print $2}' > "$O/interfaces"
sed -n 's/^[[:space:]]*nameserver[[:space:]]*//p' /etc/resolv.conf > "$O/resolvers"

# ---- DKIM key made for the run, published for the domains the run names.
if openssl genrsa -out "$W/dkim.key" 1024 > "$O/openssl.log" 2>&1; then
  pub=$(openssl rsa -in "$W/dkim.key" -pubout -outform DER 2>> "$O/openssl.log" | base64 -w0)
  while IFS= read -r d; do
    [ -n "$d" ] && printf 'txt-record=rf._domainkey.%s,"v=DKIM1; k=rsa; p=%s"\n' "$d" "$pub" >> "$W/dns.conf"
  done < "$W/dkim-domains"
else
  problem "openssl could not make the run's DKIM key" "$O/openssl.log"
fi

# ---- Loopback DNS: port 5353 for Rspamd and SpamAssassin, port 53 for libc (Postfix,
# Mail::DMARC). Both serve the same zones and log every question.
for port in 53 5353; do
  dnsmasq --conf-file="$W/dns.conf" --port=$port --pid-file="$RUN/dns$port.pid" \
    --log-facility="$O/dns$port.log" > "$O/dnsmasq$port.err" 2>&1 \
    || problem "dnsmasq did not start on 127.0.0.1:$port" "$O/dnsmasq$port.err"
done
stamp dns

# ---- Messages: sign where the scenario says so (one Perl process for all).
mkdir -p "$W/send"
: > "$W/sign.list"
while IFS=$'\t' read -r name ip env hdr dkim helo; do
  if [ "$dkim" != "-" ]; then
    printf '%s\t%s\t%s\n' "$dkim" "$W/msgs/$name.eml" "$W/send/$name.eml" >> "$W/sign.list"
  else
    cp "$W/msgs/$name.eml" "$W/send/$name.eml"
  fi
done < "$W/scenarios.tsv"
if [ -s "$W/sign.list" ]; then
  perl "$W/live-sign.pl" "$W/dkim.key" < "$W/sign.list" > "$O/sign.log" 2>&1 \
    || problem "DKIM signing failed (Mail::DKIM::Signer)" "$O/sign.log"
fi
chmod -R a+rX "$W/send"
stamp messages

# ---- Rspamd: private copy of /etc/rspamd with the tree overlaid and test-only settings.
RSPAMD_UP=0
if has rspamd; then
  E="$W/etc/rspamd"
  cp -a /etc/rspamd "$E" && cp -a "$TREE/rspamd/." "$E/"
  mkdir -p "$E/local.d" "$E/override.d"
  printf 'bind_socket = "127.0.0.1:21333";\n' > "$E/override.d/worker-normal.inc"
  printf 'bind_socket = "127.0.0.1:21334";\n' > "$E/override.d/worker-controller.inc"
  cat > "$E/override.d/worker-proxy.inc" <<'EOF'
bind_socket = "127.0.0.1:21332";
milter = yes;
timeout = 120s;
upstream "local" {
  default = yes;
  self_scan = yes;
}
EOF
  # Note: override.d replaces only the keys it names, so the tree's own options survive.
  printf 'dns {\n  nameserver = ["127.0.0.1:5353"];\n}\n' > "$E/override.d/options.inc"
  # Note: modules whose lookups only add noise in a sandbox (remote hash servers, feeds of
  # phishing URLs, ASN zones, A/MX of HELO and From) are off unless the tree configures them.
  # Limitation: the stock RBL rules stay on. They ask loopback dnsmasq, which answers NXDOMAIN
  # unless a scenario lists the client in their zone; then their hit is real behaviour.
  for m in fuzzy_check phishing asn hfilter; do
    [ -e "$E/local.d/$m.conf" ] || printf 'enabled = false;\n' > "$E/local.d/$m.conf"
  done
  mount --bind "$E" /etc/rspamd || problem "cannot bind-mount /etc/rspamd"
  mkdir -p "$DB" "$W/rspamd/run" "$W/rspamd/log"
  chown -R _rspamd:_rspamd "$DB" "$W/rspamd"
  # Note: runs share DBDIR; the lock keeps two runs from writing its caches at once.
  exec 9> "$DB.lock"
  flock -w 240 9 || problem "Rspamd's DBDIR $DB stayed locked by another run for 240 s"
  setpriv --reuid=_rspamd --regid=_rspamd --init-groups \
    rspamd -f -c /etc/rspamd/rspamd.conf --var=DBDIR="$DB" --var=RUNDIR="$W/rspamd/run" \
    --var=LOGDIR="$W/rspamd/log" > "$O/rspamd.stdout" 2>&1 &
  echo $! > "$RUN/rspamd.pid"
  stamp rspamd-launched
fi

# ---- SpamAssassin: private copy of /etc/spamassassin with the tree overlaid.
if has spamassassin; then
  E="$W/etc/spamassassin"
  cp -a /etc/spamassassin "$E" && cp -a "$TREE/spamassassin/." "$E/"
  {
    echo "# RuleForge live harness: test-only settings"
    echo "dns_available yes"
    echo "dns_server 127.0.0.1:5353"
    echo "score RCVD_ILLEGAL_IP 0"
    echo "use_bayes 0"
    # Note: one "blocked" answer (127.255.255.254 from zen) would stop every later zen query of
    # the run for dns_block_time (300 s), so results would depend on the order of scenarios.
    echo "dns_block_time -1"
    while IFS= read -r tld; do [ -n "$tld" ] && echo "util_rb_tld $tld"; done < "$W/test-tlds"
    echo "add_header all RF-Live _YESNO_ _TESTSSCORES(,)_"
  } > "$E/zz-ruleforge-live.cf"
  mount --bind "$E" /etc/spamassassin || problem "cannot bind-mount /etc/spamassassin"
  mkdir -p "$W/sa-home" && chown nobody:nogroup "$W/sa-home"
  # Note: --daemonize returns only once the rules are loaded (seconds); backgrounding it lets
  # Rspamd and Postfix start meanwhile. A scan is CPU-bound Perl: one child per core (plus
  # one) is fastest; more children only thrash.
  HOME="$W/sa-home" spamd --siteconfigpath=/etc/spamassassin --listen=127.0.0.1:21783 \
    --allowed-ips=127.0.0.0/8 --nouser-config --pidfile="$RUN/spamd.pid" --daemonize \
    -u nobody --helper-home-dir="$W/sa-home" -s "$O/spamd.log" --max-children="$(( $(nproc) + 1 ))" \
    > "$O/spamd.stdout" 2>&1 &
  stamp spamd-launched
fi

# ---- Postfix: private copy of /etc/postfix, the tree's fragment and tables, test listeners.
if has postfix; then
  E="$W/etc/postfix"
  cp -a /etc/postfix "$E"
  [ -d "$TREE/postfix/ruleforge" ] && cp -a "$TREE/postfix/ruleforge" "$E/"
  printf 'user@dest.example mailbox\n' > "$E/live-vmailbox"
  mount --bind "$E" /etc/postfix || problem "cannot bind-mount /etc/postfix"
  P="$W/postfix"
  mkdir -p "$P/spool" "$P/data" "$W/mail"
  chown postfix "$P/data"; chown nobody:nogroup "$W/mail"
  {
    # Defaults the tree may override. Short TTLs keep postscreen from reusing a verdict.
    # Limitation: two scenarios with one client IP within a second share postscreen's cached
    # verdict; callers give every scenario its own IP.
    postconf -e "postscreen_greet_wait = 2s" "postscreen_dnsbl_min_ttl = 1s" \
      "postscreen_dnsbl_max_ttl = 1s" "postscreen_greet_ttl = 1s"
    grep -v '^[[:space:]]*#' "$TREE/postfix/main.cf.fragment" | grep -v '^[[:space:]]*$' |
      while IFS= read -r line; do postconf -e "$line" || echo "postconf refused: $line"; done
    # The sandbox itself: nothing here may be overridden by the tree.
    postconf -e "queue_directory = $P/spool" "data_directory = $P/data" \
      "maillog_file = $P/maillog" "maillog_file_prefixes = /var, /dev/stdout, $P" \
      "inet_interfaces = 127.0.0.1" "inet_protocols = all" "mynetworks = 127.0.0.1/32" \
      "myhostname = mx.dest.example" "mydomain = dest.example" "mydestination =" \
      "relay_domains =" "relayhost =" "alias_maps =" "alias_database =" \
      "virtual_mailbox_domains = dest.example" "virtual_mailbox_base = $W/mail" \
      "virtual_mailbox_maps = texthash:/etc/postfix/live-vmailbox" \
      "virtual_uid_maps = static:65534" "virtual_gid_maps = static:65534" \
      "default_transport = discard:" "relay_transport = discard:" "local_transport = discard:" \
      "postscreen_upstream_proxy_protocol = haproxy" "postscreen_cache_map = btree:$P/data/ps_cache" \
      "smtputf8_enable = no" "biff = no" "smtpd_milters =" "non_smtpd_milters ="
    postconf -MX smtp/inet submission/inet smtps/inet 2>/dev/null
    postconf -F '*/*/chroot = n'
    postconf -M "21025/inet=21025 inet n - n - 1 postscreen" \
      "smtpd/pass=smtpd pass - - n - - smtpd" \
      "dnsblog/unix=dnsblog unix - - n - 0 dnsblog" \
      "tlsproxy/unix=tlsproxy unix - - n - 0 tlsproxy" \
      "21026/inet=21026 inet n - n - - smtpd"
    if has rspamd; then
      postconf -P "smtpd/pass/smtpd_milters=inet:127.0.0.1:21332" "smtpd/pass/milter_default_action=tempfail"
    fi
    postconf -P "21026/inet/smtpd_authorized_xclient_hosts=127.0.0.0/8"
  } > "$O/postfix-setup.log" 2>&1
  stamp postfix-configured
  grep -q 'refused\|fatal' "$O/postfix-setup.log" && problem "Postfix setup failed" "$O/postfix-setup.log"
  # Note: postfix start runs the integrity checks (and makes the queue folders) itself.
  postfix start > "$O/postfix-start.log" 2>&1 || problem "postfix start failed" "$O/postfix-start.log"
fi
stamp launched

# ---- Wait for every daemon (bounded), then report the ones that did not come up.
if has rspamd; then
  deadline=$(( $(date +%s) + 60 ))
  while [ "$(date +%s)" -lt $deadline ]; do
    if curl -s -m 1 http://127.0.0.1:21333/ping 2>/dev/null | grep -q pong; then RSPAMD_UP=1; break; fi
    kill -0 "$(cat "$RUN/rspamd.pid")" 2>/dev/null || break
    sleep 0.1
  done
  if [ $RSPAMD_UP = 1 ] && wait_port 21332 100; then
    stamp rspamd
  else
    RSPAMD_UP=0
    cat "$O/rspamd.stdout" >> "$W/rspamd/log/rspamd.log" 2>/dev/null
    problem "Rspamd did not start (no answer on 127.0.0.1:21333 and :21332 within 60 s)" \
      "$W/rspamd/log/rspamd.log"
  fi
fi
SA_UP=0
if has spamassassin; then
  if wait_port 21783 600; then SA_UP=1; stamp spamd
  else cat "$O/spamd.stdout" >> "$O/spamd.log" 2>/dev/null
       problem "spamd did not listen on 127.0.0.1:21783 within 60 s" "$O/spamd.log"; fi
fi
PF_UP=0
if has postfix; then
  if wait_port 21025 100 && wait_port 21026 100; then PF_UP=1; stamp postfix
  else problem "Postfix did not listen on 127.0.0.1:21025 and :21026 within 10 s" "$W/postfix/maillog"; fi
fi

printf 'rspamd %s\nspamassassin %s\npostfix %s\n' "$RSPAMD_UP" "$SA_UP" "$PF_UP" > "$O/up"

# ---- Scenarios, several at a time; each sends its four requests at once.
# Runs one client: name kind timeout command...; writes WORK/out/NAME.KIND, and NAME.KIND.rc
# holding the exit code and the seconds taken.
client() {
  local name=$1 kind=$2 limit=$3 t rc
  shift 3
  t=$(date +%s.%N)
  timeout "$limit" "$@" > "$O/$name.$kind" 2>&1
  rc=$?
  printf '%s %s\n' "$rc" "$(echo "$(date +%s.%N) - $t" | bc)" > "$O/$name.$kind.rc"
}
one() {
  local name ip env hdr dkim helo fam dst xaddr msg
  IFS=$'\t' read -r name ip env hdr dkim helo < <(awk -F'\t' -v n="$1" '$1 == n' "$W/scenarios.tsv")
  msg="$W/send/$name.eml"
  fam=TCP4; dst=127.0.0.1; xaddr="$ip"
  case "$ip" in *:*) fam=TCP6; dst=::1; xaddr="IPV6:$ip";; esac
  if [ "$RSPAMD_UP" = 1 ]; then
    client "$name" rspamd 60 rspamc -h 127.0.0.1:21333 -t 30 -j --ip "$ip" --from "$env" --helo "$helo" \
      --rcpt user@dest.example symbols < "$msg" &
  fi
  if [ "$SA_UP" = 1 ]; then
    client "$name" sa 60 spamc -d 127.0.0.1 -p 21783 -t 30 -x < "$msg" &
  fi
  if [ "$PF_UP" = 1 ]; then
    client "$name" smtpd 60 swaks --server 127.0.0.1:21026 --xclient-addr "$xaddr" --helo "$helo" \
      --from "$env" --to user@dest.example --quit-after RCPT --timeout 30 &
    client "$name" postscreen 90 swaks --server 127.0.0.1:21025 --proxy-version 1 --proxy-family $fam \
      --proxy-source "$ip" --proxy-source-port 40000 --proxy-dest $dst --proxy-dest-port 25 \
      --helo "$helo" --from "$env" --to user@dest.example --data "@$msg" --suppress-data --timeout 60 &
  fi
  wait
}
export -f one client
export W O RSPAMD_UP SA_UP PF_UP
cut -f1 "$W/scenarios.tsv" | timeout 480 xargs -r -P "$PAR" -I{} bash -c 'one "$1"' _ {} \
  || problem "the scenario runner stopped early (exit $?)"
stamp scenarios

# ---- Daemons that died or failed during the run make their observations worthless.
alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
if [ "$RSPAMD_UP" = 1 ] && ! alive "$RUN/rspamd.pid"; then
  problem "Rspamd stopped during the run" "$W/rspamd/log/rspamd.log"
fi
if [ "$SA_UP" = 1 ] && ! alive "$RUN/spamd.pid"; then
  problem "spamd stopped during the run" "$O/spamd.log"
fi
if [ "$PF_UP" = 1 ]; then
  postfix status > /dev/null 2>&1 || problem "Postfix stopped during the run" "$W/postfix/maillog"
  # Note: a milter that cannot be reached makes smtpd answer 4xx at DATA, which would look
  # like a greylisted message; it is a failure of the harness, not an observation.
  grep -E 'warning: milter|fatal:|panic:' "$W/postfix/maillog" > "$O/postfix-failures" 2>/dev/null
  [ -s "$O/postfix-failures" ] && problem "Postfix logged milter or fatal errors" "$O/postfix-failures"
fi

# ---- Deliveries: wait for the queue to drain (bounded), then see which messages landed.
if [ "$PF_UP" = 1 ]; then
  for _ in $(seq 1 300); do
    postqueue -p 2>/dev/null | grep -q 'Mail queue is empty' && break
    sleep 0.1
  done
  postqueue -p 2>/dev/null | grep -q 'Mail queue is empty' \
    || problem "Postfix's queue did not drain within 30 s" "$W/postfix/maillog"
  : > "$O/delivered"
  if [ -f "$W/mail/mailbox" ]; then
    sed -n 's/^Message-ID: <rf-live\.\([a-z0-9-]*\)\..*/\1/Ip' "$W/mail/mailbox" > "$O/delivered"
    cp "$W/mail/mailbox" "$O/mailbox"
  fi
  stamp delivered
fi

# ---- Stop what this script started, by pid (the PID namespace ends the rest with the script).
if has postfix; then
  mpid=$(cat "$W/postfix/spool/pid/master.pid" 2>/dev/null | tr -d ' ')
  postfix stop > /dev/null 2>&1
  for _ in $(seq 1 50); do [ -n "$mpid" ] && kill -0 "$mpid" 2>/dev/null || break; sleep 0.1; done
fi
stop_pid "$RUN/spamd.pid"
stop_pid "$RUN/rspamd.pid"
stop_pid "$RUN/dns53.pid"
stop_pid "$RUN/dns5353.pid"
[ -f "$W/postfix/maillog" ] && cp "$W/postfix/maillog" "$O/maillog"
if [ -f "$W/rspamd/log/rspamd.log" ]; then
  cp "$W/rspamd/log/rspamd.log" "$O/rspamd.log"
  # The messages the milter (the proxy worker) scanned, by scenario name.
  grep 'rspamd_proxy.*rspamd_task_write_log' "$O/rspamd.log" \
    | sed -n 's/.* id: <rf-live\.\([a-z0-9-]*\)\..*/\1/p' > "$O/milter-scanned"
fi
stamp stopped
exit 0
