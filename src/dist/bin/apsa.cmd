@echo off
rem apsa: runs the Asia-Pacific Security Assessor from this distribution, from any folder.
rem JAVA_OPTS is passed to the JVM as it is. The class-data-sharing archive of bin/apsa is
rem not made here.
setlocal
set "APP=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
set "JIT=-XX:TieredStopAtLevel=1"
if "%~1"=="" set "JIT="
if "%~1"=="batch" set "JIT="
if "%~1"=="explore" set "JIT="
if "%~1"=="script" set "JIT="
"%JAVA%" %JIT% %JAVA_OPTS% -cp "%APP%\lib\apsa.jar;%APP%\lib\*" org.apsa.ApsaApplication %*
exit /b %ERRORLEVEL%
