#!/bin/bash
set -euo pipefail
for i in $(seq 1 30); do curl -fs http://localhost:8080/health && exit 0; sleep 2; done
exit 1
