#!/usr/bin/env bash
# Makes a private CA and the certificates TrtOrleans uses for TLS, for compose or a test
# bed (use your organisation's CA or cert-manager in production):
#   ca.crt                       the CA every component trusts (Redis:CaCertificatePath,
#                                Orleans:Tls:CaCertificatePath)
#   redis.crt / redis.key        Redis server certificate (names: redis, trt-redis, localhost)
#   orleans.crt / orleans.key    silo and gateway certificate for Orleans mutual TLS
# Usage: deploy/make-dev-certs.sh <directory>   (existing files are kept)
set -euo pipefail

dir="${1:?usage: make-dev-certs.sh <directory>}"
mkdir -p "$dir"
cd "$dir"
if [[ -f ca.crt ]]; then
    echo "certificates already in $dir" >&2
    exit 0
fi

openssl req -x509 -newkey rsa:3072 -nodes -days 825 -subj "/CN=TrtOrleans private CA" \
    -keyout ca.key -out ca.crt 2>/dev/null

issue() { # name, subjectAltName
    openssl req -newkey rsa:3072 -nodes -subj "/CN=$1" -keyout "$1.key" -out "$1.csr" 2>/dev/null
    printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth,clientAuth\n' "$2" > "$1.ext"
    openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 \
        -extfile "$1.ext" -out "$1.crt" 2>/dev/null
    rm -f "$1.csr" "$1.ext"
}

issue redis "DNS:redis,DNS:trt-redis,DNS:trt-redis.trt.svc.cluster.local,DNS:localhost,IP:127.0.0.1"
issue orleans "DNS:trt-orleans,DNS:localhost,IP:127.0.0.1"
# Readable by the containers' non-root users; keep the directory itself private.
chmod 644 ./*.crt ./*.key
chmod 600 ca.key
echo "certificates written to $dir" >&2
