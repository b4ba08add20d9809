# Installs wdhs for the person running it (no administrator rights needed): downloads the
# Windows release, checks its SHA-256 against the release's SHA256SUMS, and puts wdhs.exe in
# %LOCALAPPDATA%\Programs\wdhs, which it adds to the user's PATH.
#
#   powershell -ExecutionPolicy Bypass -c "irm https://github.com/wedoenhetsamen/wdhs/releases/latest/download/install.ps1 | iex"
#
# Settings: $env:WDHS_VERSION (a tag like v0.2.0; default the latest release), $env:WDHS_REPO,
# $env:WDHS_INSTALL_DIR, $env:WDHS_DOWNLOAD_URL (a folder holding the release files).
$ErrorActionPreference = 'Stop'

$repo = if ($env:WDHS_REPO) { $env:WDHS_REPO } else { 'wedoenhetsamen/wdhs' }
$version = if ($env:WDHS_VERSION) { $env:WDHS_VERSION } else { 'latest' }
$dir = if ($env:WDHS_INSTALL_DIR) { $env:WDHS_INSTALL_DIR } else { Join-Path $env:LOCALAPPDATA 'Programs\wdhs' }
$name = 'wdhs-x86_64-pc-windows-msvc'

if ($env:WDHS_DOWNLOAD_URL) { $base = $env:WDHS_DOWNLOAD_URL }
elseif ($version -eq 'latest') { $base = "https://github.com/$repo/releases/latest/download" }
else { $base = "https://github.com/$repo/releases/download/$version" }

$work = Join-Path ([System.IO.Path]::GetTempPath()) ("wdhs-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $work | Out-Null
try {
    Write-Host "Downloading $name.zip ..."
    Invoke-WebRequest -UseBasicParsing -Uri "$base/$name.zip" -OutFile (Join-Path $work "$name.zip")
    Invoke-WebRequest -UseBasicParsing -Uri "$base/SHA256SUMS" -OutFile (Join-Path $work 'SHA256SUMS')

    $line = Get-Content (Join-Path $work 'SHA256SUMS') | Where-Object { $_ -match " $name\.zip$" } | Select-Object -First 1
    if (-not $line) { throw "SHA256SUMS has no line for $name.zip" }
    $expected = ($line -split ' ')[0].ToLowerInvariant()
    $actual = (Get-FileHash -Algorithm SHA256 (Join-Path $work "$name.zip")).Hash.ToLowerInvariant()
    if ($expected -ne $actual) {
        throw "the download is damaged or not the released file (SHA-256 $actual, expected $expected); nothing was installed"
    }

    Expand-Archive -Path (Join-Path $work "$name.zip") -DestinationPath $work -Force
    New-Item -ItemType Directory -Force -Path $dir | Out-Null
    Copy-Item -Force (Join-Path $work "$name\wdhs.exe") (Join-Path $dir 'wdhs.exe')

    $path = [Environment]::GetEnvironmentVariable('Path', 'User')
    if (-not (($path -split ';') -contains $dir)) {
        [Environment]::SetEnvironmentVariable('Path', ($(if ($path) { "$path;" } else { '' }) + $dir), 'User')
        Write-Host "Added $dir to your PATH: open a new terminal to use 'wdhs'."
    }
    & (Join-Path $dir 'wdhs.exe') --version
    Write-Host "Installed in $dir\wdhs.exe"
}
finally {
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}
