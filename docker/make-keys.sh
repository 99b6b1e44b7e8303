#!/usr/bin/env bash
# Creates the keys the James container of docker/compose.yaml needs, in docker/keys/, which git
# ignores. Nothing here goes into the image: compose.yaml mounts the files.
#
#   keys/james/jwt_publickey.pem    WebAdmin checks admin tokens with it        (mounted)
#   keys/james/webadmin-https.p12   WebAdmin's HTTPS key and certificate        (mounted)
#   keys/webadmin-https.env         WEBADMIN_HTTPS_PASSWORD, that keystore's password
#   keys/webadmin-https.crt         the certificate, for clients: curl --cacert
#   keys/keystore                   TLS key of IMAP, SMTP and POP3 (mounted as conf/keystore)
#   keys/jwt_privatekey.pem         signs admin tokens; keep it on this machine
#
# Usage:
#   docker/make-keys.sh [--host NAME]...          create the keys; NAME goes into the
#                                                 certificates beside localhost and 127.0.0.1
#   docker/make-keys.sh token [SUBJECT] [DAYS]    print an admin token for WebAdmin
#                                                 (default: admin@localhost, valid 1 day)
#
# Needs openssl. Refuses to replace existing keys: move docker/keys/ away first.
set -euo pipefail

KEYS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/keys
# The keystore password written in the official image's imapserver.xml and smtpserver.xml.
# Mount your own copies of those files to choose another one.
JAMES_STOCK_KEYSTORE_SECRET=james72laBalle
DAYS_VALID=825

fail() { printf 'make-keys: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '12,17s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

base64url() {
  openssl base64 -A | tr '+/' '-_' | tr -d '='
}

subject_alt_names() {
  local names="DNS:localhost,IP:127.0.0.1" host
  for host in "$@"; do
    if [[ $host =~ ^[0-9.]+$ || $host == *:* ]]; then
      names+=",IP:$host"
    else
      names+=",DNS:$host"
    fi
  done
  printf '%s' "$names"
}

# Writes a PKCS12 keystore holding a new RSA key and its self-signed certificate.
self_signed_keystore() {
  local keystore=$1 alias=$2 password=$3 certificate=$4 common_name=$5 alt_names=$6
  local key
  key=$(mktemp "$KEYS/.key.XXXXXX")
  openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days "$DAYS_VALID" -subj "/CN=$common_name" \
    -addext "subjectAltName=$alt_names" -keyout "$key" -out "$certificate" 2>/dev/null
  KEYSTORE_PASSWORD=$password openssl pkcs12 -export -name "$alias" -in "$certificate" \
    -inkey "$key" -passout env:KEYSTORE_PASSWORD -out "$keystore"
  rm -f "$key"
}

make_keys() {
  local hosts=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --host) [ $# -ge 2 ] || fail "--host needs a name"; hosts+=("$2"); shift 2 ;;
      *) usage >&2; exit 2 ;;
    esac
  done
  command -v openssl >/dev/null || fail "openssl not found"
  [ ! -e "$KEYS" ] || fail "$KEYS exists already: move it away to make new keys"
  umask 077
  mkdir -p "$KEYS/james"
  local alt_names common_name=${hosts[0]:-localhost}
  alt_names=$(subject_alt_names ${hosts[@]+"${hosts[@]}"})

  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$KEYS/jwt_privatekey.pem" \
    2>/dev/null
  openssl pkey -in "$KEYS/jwt_privatekey.pem" -pubout -out "$KEYS/james/jwt_publickey.pem"

  local password
  password=$(openssl rand -hex 24)
  printf 'WEBADMIN_HTTPS_PASSWORD=%s\n' "$password" > "$KEYS/webadmin-https.env"
  self_signed_keystore "$KEYS/james/webadmin-https.p12" webadmin "$password" \
    "$KEYS/webadmin-https.crt" "$common_name" "$alt_names"

  self_signed_keystore "$KEYS/keystore" james "$JAMES_STOCK_KEYSTORE_SECRET" \
    "$KEYS/mail-tls.crt" "$common_name" "$alt_names"

  printf 'Keys written to %s (certificates for %s).\n' "$KEYS" "$alt_names"
  printf 'Admin token for WebAdmin: %s token\n' "$0"
}

print_token() {
  local subject=${1:-admin@localhost} days=${2:-1}
  [[ $subject =~ ^[A-Za-z0-9@._+-]+$ ]] || fail "SUBJECT may hold letters, digits and @._+- only"
  [[ $days =~ ^[0-9]+$ ]] || fail "DAYS must be a whole number, got: $days"
  [ -f "$KEYS/jwt_privatekey.pem" ] || fail "no $KEYS/jwt_privatekey.pem: run $0 first"
  local now header payload signature
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | base64url)
  payload=$(printf '{"sub":"%s","admin":true,"iat":%d,"exp":%d}' \
    "$subject" "$now" $((now + days * 86400)) | base64url)
  signature=$(printf '%s.%s' "$header" "$payload" \
    | openssl dgst -sha256 -sign "$KEYS/jwt_privatekey.pem" -binary | base64url)
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}

case "${1:-}" in
  -h|--help) usage ;;
  token) shift; print_token "$@" ;;
  *) make_keys "$@" ;;
esac
