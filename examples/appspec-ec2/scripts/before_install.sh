#!/bin/bash
set -euo pipefail
id -u shop >/dev/null 2>&1 || useradd --system shop
