// A non-zero exit code must match too.
console.log('before exit');
process.exitCode = 3;
