// Harness smoke test: primitives through console.log, exit code 0.
console.log('hello', 1, 2.5, true, null, undefined);
console.log([1, 2, 3], { a: 1, b: 'x' });
console.log('%s=%d', 'n', 42);
