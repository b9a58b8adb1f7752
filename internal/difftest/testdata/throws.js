// An uncaught exception: stdout up to the throw, exit code 1 in both.
console.log('about to throw');
setTimeout(function () { throw new Error('boom'); }, 1);
