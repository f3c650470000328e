// Smoke: the harness runs and the console reaches the transcript.
// expect: smoke ok
assertEq(typeof window, 'object');
console.log('smoke ok');
