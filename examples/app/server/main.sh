#!/bin/sh
echo "hello from $(cat /app/server/version.txt)"
