// Exercises every posix call, async and Sync, success and failure, in
// the directory given as argv[2]. Prints one line per observation.
var posix = require('posix'), sys = require('sys');
var dir = process.argv[2];
var missing = dir + '/missing';

function err(name, e) {
  sys.puts(name + ' err ' + e.code + ' ' + e.errno + ' ' + e.syscall + ' ' + (e.path === undefined ? '-' : e.path) + ' | ' + e.message);
}
function sync(name, f) {
  try { sys.puts(name + ' ok ' + JSON.stringify(f())); } catch (e) { err(name, e); }
}
// async helpers use wait() so the output order is fixed, and also check
// the callback form once per call.
function both(name, p) {
  var seen = null;
  p.addCallback(function () { seen = 'cb'; }).addErrback(function () { seen = 'eb'; });
  try {
    var v = p.wait();
    sys.puts(name + ' ok ' + JSON.stringify(v) + ' ' + seen);
  } catch (e) {
    err(name, e);
    sys.puts(name + ' errback ' + seen);
  }
}

// mkdir / rmdir
both('mkdir', posix.mkdir(dir + '/d', 0755));
both('mkdir-exists', posix.mkdir(dir + '/d', 0755));
sync('mkdirSync', function () { return posix.mkdirSync(dir + '/d2', 0755); });
sync('mkdirSync-missing-parent', function () { return posix.mkdirSync(missing + '/x', 0755); });

// open / write / read / close
var fd = posix.open(dir + '/f.txt', process.O_WRONLY | process.O_CREAT | process.O_TRUNC, 0644).wait();
sys.puts('open ok ' + (typeof fd) + ' ' + (fd > 2));
both('open-missing', posix.open(missing + '/f', process.O_RDONLY, 0));
both('write', posix.write(fd, 'hello world\n', null));
both('write-pos', posix.write(fd, 'H', 0));
sync('writeSync', function () { return posix.writeSync(fd, 'bye\n', null, 'utf8'); });
both('close', posix.close(fd));
both('close-again', posix.close(fd));
both('write-closed', posix.write(fd, 'x', null));
both('read-closed', posix.read(fd, 1, 0));
sync('readSync-closed', function () { return posix.readSync(fd, 1, 0); });
sync('closeSync-bad', function () { return posix.closeSync(9999); });

var rfd = posix.openSync(dir + '/f.txt', process.O_RDONLY);
both('read', posix.read(rfd, 5, 0));
both('read-current', posix.read(rfd, 6, null));
both('read-eof', posix.read(rfd, 10, 100));
sync('readSync', function () { return posix.readSync(rfd, 5, 6, 'utf8'); });
sync('closeSync', function () { return posix.closeSync(rfd); });

// stat
both('stat-missing', posix.stat(missing));
var s = posix.stat(dir + '/f.txt').wait();
sys.puts('stat ok size=' + s.size + ' file=' + s.isFile() + ' dir=' + s.isDirectory() +
  ' mtimeIsDate=' + (s.mtime instanceof Date) + ' atimeIsDate=' + (s.atime instanceof Date) +
  ' ctimeIsDate=' + (s.ctime instanceof Date) + ' instance=' + (s instanceof posix.Stats) +
  ' blk=' + s.isBlockDevice() + ' chr=' + s.isCharacterDevice() + ' lnk=' + s.isSymbolicLink() +
  ' fifo=' + s.isFIFO() + ' sock=' + s.isSocket() + ' mode=' + (s.mode & 0777).toString(8));
var ds = posix.statSync(dir + '/d');
sys.puts('statSync ok dir=' + ds.isDirectory() + ' file=' + ds.isFile());
sync('statSync-missing', function () { return posix.statSync(missing); });
sys.puts('statSync-chr ok ' + posix.statSync('/dev/null').isCharacterDevice());

// readdir
both('readdir', posix.readdir(dir));
sync('readdirSync', function () { return posix.readdirSync(dir); });
both('readdir-missing', posix.readdir(missing));
sync('readdirSync-file', function () { return posix.readdirSync(dir + '/f.txt'); });

// cat
both('cat', posix.cat(dir + '/f.txt'));
sync('catSync', function () { return posix.catSync(dir + '/f.txt', 'utf8'); });
both('cat-missing', posix.cat(missing));
sync('catSync-dir', function () { return posix.catSync(dir + '/d'); });

// sendfile
var src = posix.openSync(dir + '/f.txt', process.O_RDONLY);
var dst = posix.openSync(dir + '/copy.txt', process.O_WRONLY | process.O_CREAT | process.O_TRUNC, 0644);
both('sendfile', posix.sendfile(dst, src, 6, 5));
sync('sendfileSync', function () { return posix.sendfileSync(dst, src, 0, 5); });
both('sendfile-bad', posix.sendfile(dst, 9999, 0, 5));
posix.closeSync(src); posix.closeSync(dst);
both('cat-copy', posix.cat(dir + '/copy.txt'));

// truncate
var tfd = posix.openSync(dir + '/copy.txt', process.O_RDWR);
both('truncate', posix.truncate(tfd, 3));
sync('truncateSync-bad', function () { return posix.truncateSync(9999, 0); });
posix.closeSync(tfd);
sync('catSync-truncated', function () { return posix.catSync(dir + '/copy.txt'); });

// rename / unlink / rmdir
both('rename', posix.rename(dir + '/copy.txt', dir + '/moved.txt'));
both('rename-missing', posix.rename(missing, dir + '/x'));
sync('renameSync', function () { return posix.renameSync(dir + '/moved.txt', dir + '/moved2.txt'); });
both('unlink', posix.unlink(dir + '/moved2.txt'));
both('unlink-missing', posix.unlink(missing));
sync('unlinkSync-dir', function () { return posix.unlinkSync(dir + '/d'); });
both('rmdir-notempty', posix.rmdir(dir));
both('rmdir', posix.rmdir(dir + '/d'));
sync('rmdirSync', function () { return posix.rmdirSync(dir + '/d2'); });
sync('rmdirSync-missing', function () { return posix.rmdirSync(missing); });
both('readdir-end', posix.readdir(dir));
