// Date on the virtual clock (2026-01-01T00:00:00Z at page open) in UTC: parsing and formatting.
var now = new Date();
print('now', now.toISOString(), Date.now() === now.getTime(), typeof performance === 'object' ? 'perf' : 'noperf');
print('offset', now.getTimezoneOffset());
var d = new Date(Date.UTC(2024, 1, 29, 13, 5, 9, 7));
print('iso', d.toISOString(), JSON.stringify(d), d.toJSON());
print('utc string', d.toUTCString());
print('string', d.toString());
print('date string', d.toDateString(), '|', d.toTimeString());
print('getters', d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
print('locale', d.toLocaleDateString('en-US'), '|', d.toLocaleTimeString('en-US'), '|', d.toLocaleString('en-US'));
var inputs = ['2024-02-29', '2024-02-29T13:05:09Z', '2024-02-29T13:05:09', '2024-02-29T13:05:09.123+02:00', '2024-02',
  '2024', 'Thu, 29 Feb 2024 13:05:09 GMT', 'Thu Feb 29 2024 13:05:09 GMT+0000', 'Feb 29, 2024', '2024/02/29 13:05:09',
  '2024-02-29 13:05:09', '29 Feb 2024', 'nonsense', '', '2024-13-01', '+002024-02-29T00:00:00Z', '2024-02-29T24:00:00Z'];
inputs.forEach(s => print('parse', JSON.stringify(s), Date.parse(s)));
print('invalid', String(new Date(NaN)), new Date('x').getTime(), JSON.stringify({ d: new Date(NaN) }));
try { new Date(NaN).toISOString(); } catch (e) { print('invalid toISOString', e.name); }
print('setters', new Date(d).setUTCDate(31), new Date(0).setUTCFullYear(2030, 0, 1));
print('constructor forms', new Date(2024, 0, 1).getTime(), new Date(2024, 0).getTime(), new Date(0).getTime(), Date.UTC(2024), new Date('2024-01-01').valueOf());
print('limits', new Date(8.64e15).toISOString(), new Date(8.64e15 + 1).getTime(), new Date(-1).toISOString());
print('Date() as function is a string', typeof Date(), Date().length > 20);
print('year 0 and negative', new Date(Date.UTC(0, 0, 1)).toISOString(), new Date(Date.UTC(-1, 0, 1)).toISOString(), new Date(Date.UTC(99, 0)).getUTCFullYear());
