@echo off
rem Wenzheng: start the installed release (Windows). Needs only Node.js 20.19+; never the network.
rem Settings: set PORT=3001 (and HOST, DATA_DIR, PUBLIC_URL, LOG_FILE) before running. Data: .\data
cd /d "%~dp0"
where node >nul 2>nul
if errorlevel 1 (
  echo Node.js is not installed or not on PATH. Install Node.js 20.19 or newer, then run this again.
  pause
  exit /b 1
)
node --enable-source-maps dist\server\main.js
if errorlevel 1 pause
