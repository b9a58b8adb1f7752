const ph = require('perf_hooks');
const p = ph.performance;
console.log(Object.keys(ph), p === globalThis.performance, typeof p.now(), p.now() >= 0, p.timeOrigin > 1.6e12, Math.abs(p.timeOrigin + p.now() - Date.now()) < 1000);
const t0 = p.now(); let x = 0; for (let i = 0; i < 1e5; i++) x += i; console.log(p.now() >= t0);
const m = p.mark('a', { detail: { k: 1 } });
console.log(m.name, m.entryType, typeof m.startTime, m.duration, m.detail, m instanceof ph.PerformanceEntry, m.constructor.name);
const me = p.measure('m', 'a');
console.log(me.entryType, me.name, me.duration >= 0, me instanceof ph.PerformanceMeasure, p.getEntriesByName('a').length, p.getEntriesByType('mark').length, p.getEntries().length);
p.mark('b');
console.log(p.measure('ab', 'a', 'b').duration >= 0, Math.round(p.measure('opt', { start: 'a', duration: 5 }).duration * 1e6) / 1e6);
try { p.measure('bad', 'nope'); } catch (e) { console.log(e.name, e.code); }
p.clearMarks('a'); console.log(p.getEntriesByType('mark').map(e => e.name));
p.clearMarks(); p.clearMeasures(); console.log(p.getEntries().length, Object.keys(p.toJSON()));
const obs = new ph.PerformanceObserver((list, o) => { console.log('observed', list.getEntries().map(e => e.entryType + ':' + e.name)); o.disconnect(); });
obs.observe({ entryTypes: ['mark', 'measure'] });
p.mark('x'); p.measure('y', 'x');
const h = ph.createHistogram(); [1, 2, 3, 4].forEach(v => h.record(v)); console.log(h.min, h.max, h.mean, h.count, h.percentile(50));
console.log(JSON.stringify(m.toJSON ? Object.keys(m.toJSON()) : []), typeof p.timerify, typeof p.eventLoopUtilization);
