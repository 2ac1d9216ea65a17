@echo off
rem apsa: runs the Asia-Pacific Security Assessor from this distribution, from any folder.
rem What bin/apsa does, for Windows:
rem
rem Start-up is what a user of a one-shot command waits for:
rem - Spring's application context comes from the bean definitions generated at build time
rem   (Spring AOT, -Dspring.aot.enabled=true).
rem - The JVM is given a class-data-sharing archive of the classes the tool loads, made in the
rem   background on the first run and kept in the user's cache. Its name is a digest of the JDK
rem   (its path, release and module image) and of the tool (its folder and the bytes of
rem   apsa.jar): another JDK or another build gets an archive of its own, never a stale one.
rem   APSA_CDS=off runs without one; APSA_CDS_DIR names the folder (default
rem   %USERPROFILE%\.apsa\cache\cds).
rem - Short commands run with the client compiler only (-XX:TieredStopAtLevel=1), which
rem   starts faster, and a young generation (-Xmn96m) that an assessment does not fill.
rem   explore too runs with the client compiler only, with the collector's own sizing
rem   (docs/explore.md, "Memory and speed"); batch, scripts and the shell, which run long,
rem   get the full JIT.
rem JAVA_OPTS is passed to the JVM as it is.
setlocal EnableExtensions DisableDelayedExpansion
if "%~1"==":make-archive" goto make_archive

for %%I in ("%~dp0..") do set "APP=%%~fI"
set "JAVA="
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined JAVA_HOME for %%J in (java.exe) do set "JAVA=%%~$PATH:J"
if not defined JAVA goto no_java
if not exist "%JAVA%" goto no_java
set "CP=%APP%\apsa.jar;%APP%\lib\*"
set "AOT=-Dspring.aot.enabled=true"

rem %1 alone: "=" ends it ("--rules=DIR" is "--rules"), as do "," and ";".
set "FIRST=%~1"
set "JIT=-XX:TieredStopAtLevel=1 -Xmn96m"
if not defined FIRST set "JIT="
if defined FIRST if "%FIRST:~0,1%"=="@" set "JIT="
if "%FIRST%"=="batch" set "JIT="
if "%FIRST%"=="explore" set "JIT=-XX:TieredStopAtLevel=1"
if "%FIRST%"=="script" set "JIT="
if "%FIRST%"=="--rules" set "JIT="

set "CDS="
if /i "%APSA_CDS%"=="off" goto run
for %%J in ("%JAVA%") do for %%D in ("%%~dpJ..") do set "JDK=%%~fD"
set "CDS_DIR=%APSA_CDS_DIR%"
if not defined CDS_DIR set "CDS_DIR=%USERPROFILE%\.apsa\cache\cds"
if not exist "%CDS_DIR%\" mkdir "%CDS_DIR%" 2>nul
if not exist "%CDS_DIR%\" goto run
set "KEY_FILE=%CDS_DIR%\key-%RANDOM%%RANDOM%.txt"
> "%KEY_FILE%" echo(%JAVA%
>> "%KEY_FILE%" type "%JDK%\release" 2>nul
for %%M in ("%JDK%\lib\modules") do >> "%KEY_FILE%" echo(%%~zM %%~tM
>> "%KEY_FILE%" echo(%CP%
>> "%KEY_FILE%" certutil -hashfile "%APP%\apsa.jar" SHA256 2>nul
set "KEY="
for /f "skip=1 delims=" %%H in ('certutil -hashfile "%KEY_FILE%" SHA256 2^>nul') do if not defined KEY set "KEY=%%H"
del /q "%KEY_FILE%" 2>nul
if not defined KEY goto run
set "KEY=%KEY: =%"
set "ARCHIVE=%CDS_DIR%\apsa-%KEY:~0,20%.jsa"
if exist "%ARCHIVE%" set CDS=-XX:SharedArchiveFile="%ARCHIVE%" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off
if exist "%ARCHIVE%" goto run
rem One run at a time makes it (the lock); a lock left for a day is cleared.
mkdir "%ARCHIVE%.lock" 2>nul && start "apsa: class-data sharing archive" /b /low cmd /d /c ""%~f0" :make-archive" <nul >nul 2>&1
if exist "%ARCHIVE%.lock\" forfiles /p "%CDS_DIR%" /m "apsa-%KEY:~0,20%.jsa.lock" /d -1 /c "cmd /c rmdir @path" >nul 2>&1

:run
"%JAVA%" %AOT% %JIT% %CDS% %JAVA_OPTS% -cp "%CP%" org.apsa.ApsaApplication %*
exit /b %ERRORLEVEL%

:no_java
echo apsa: no java found; install Java 17 or later, or set JAVA_HOME 1>&2
exit /b 4

rem Made beside the run that started it, as bin/apsa makes it: a first assessment of the
rem shipped example (on the embedded rules) fills the compiled-rule cache; the archive is taken
rem at the exit of a second, which loads the rules from it, lambdas included (OpenJDK 17 crashes
rem archiving the lambdas of rules compiled in the same run). Should that fail, it is made from
rem the class list of a run, without the lambdas. JAVA, CP, APP, AOT and ARCHIVE come from the
rem run that started it.
:make_archive
cd /d "%CDS_DIR%" || goto made
set "APSA_RULES="
set "EXAMPLE=%APP%\facts\baseline-2014-12.json"
"%JAVA%" %AOT% -cp "%CP%" org.apsa.ApsaApplication assess "%EXAMPLE%" || goto made
"%JAVA%" %AOT% -XX:ArchiveClassesAtExit="%ARCHIVE%.tmp" -XX:ErrorFile="%ARCHIVE%.crash" -cp "%CP%" org.apsa.ApsaApplication assess "%EXAMPLE%" || goto class_list
if exist "%ARCHIVE%.tmp" goto archived
:class_list
del /q "%ARCHIVE%.tmp" 2>nul
"%JAVA%" %AOT% -XX:DumpLoadedClassList="%ARCHIVE%.classes" -cp "%CP%" org.apsa.ApsaApplication assess "%EXAMPLE%" || goto made
findstr /v /b /c:"@lambda-proxy" "%ARCHIVE%.classes" > "%ARCHIVE%.list"
"%JAVA%" -Xshare:dump -XX:SharedClassListFile="%ARCHIVE%.list" -XX:SharedArchiveFile="%ARCHIVE%.tmp" -cp "%CP%" || goto made
:archived
move /y "%ARCHIVE%.tmp" "%ARCHIVE%"
:made
del /q "%ARCHIVE%.classes" "%ARCHIVE%.list" "%ARCHIVE%.tmp" "%ARCHIVE%.crash" 2>nul
rmdir "%ARCHIVE%.lock" 2>nul
exit /b 0
