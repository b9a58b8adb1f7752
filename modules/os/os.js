// os: node's operating-system facts. Natives (binding) read the kernel;
// this file gives the functions node's names, argument checks and the
// constants objects (null prototypes, as node prints them).
'use strict';

function uname() { return binding.uname(); }

function tmpdir() {
  var p = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  if (p.length > 1 && p[p.length - 1] === '/') p = p.slice(0, -1);
  return p;
}

function userInfo(options) {
  var u = binding.userInfo();
  var o = Object.create(null);
  o.uid = u[0]; o.gid = u[1]; o.username = u[2]; o.homedir = u[3]; o.shell = u[4] || null;
  if (options && options.encoding === 'buffer' && typeof Buffer === 'function') {
    o.username = Buffer.from(o.username); o.homedir = Buffer.from(o.homedir); if (o.shell !== null) o.shell = Buffer.from(o.shell);
  }
  return o;
}

function checkPid(pid) {
  if (pid === undefined) return 0;
  if (typeof pid !== 'number' || !Number.isInteger(pid)) {
    var e = new TypeError('The "pid" argument must be of type number. Received ' + (pid === null ? 'null' : 'type ' + typeof pid));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  return pid;
}

var signals = Object.create(null);
var sigList = ['SIGHUP', 1, 'SIGINT', 2, 'SIGQUIT', 3, 'SIGILL', 4, 'SIGTRAP', 5, 'SIGABRT', 6, 'SIGIOT', 6, 'SIGBUS', 7, 'SIGFPE', 8,
  'SIGKILL', 9, 'SIGUSR1', 10, 'SIGSEGV', 11, 'SIGUSR2', 12, 'SIGPIPE', 13, 'SIGALRM', 14, 'SIGTERM', 15, 'SIGCHLD', 17,
  'SIGSTKFLT', 16, 'SIGCONT', 18, 'SIGSTOP', 19, 'SIGTSTP', 20, 'SIGTTIN', 21, 'SIGTTOU', 22, 'SIGURG', 23, 'SIGXCPU', 24,
  'SIGXFSZ', 25, 'SIGVTALRM', 26, 'SIGPROF', 27, 'SIGWINCH', 28, 'SIGIO', 29, 'SIGPOLL', 29, 'SIGPWR', 30, 'SIGSYS', 31];
for (var i = 0; i < sigList.length; i += 2) signals[sigList[i]] = sigList[i + 1];

var errno = Object.create(null);
var errList = ['E2BIG', 7, 'EACCES', 13, 'EADDRINUSE', 98, 'EADDRNOTAVAIL', 99, 'EAFNOSUPPORT', 97, 'EAGAIN', 11, 'EALREADY', 114,
  'EBADF', 9, 'EBADMSG', 74, 'EBUSY', 16, 'ECANCELED', 125, 'ECHILD', 10, 'ECONNABORTED', 103, 'ECONNREFUSED', 111, 'ECONNRESET', 104,
  'EDEADLK', 35, 'EDESTADDRREQ', 89, 'EDOM', 33, 'EDQUOT', 122, 'EEXIST', 17, 'EFAULT', 14, 'EFBIG', 27, 'EHOSTUNREACH', 113,
  'EIDRM', 43, 'EILSEQ', 84, 'EINPROGRESS', 115, 'EINTR', 4, 'EINVAL', 22, 'EIO', 5, 'EISCONN', 106, 'EISDIR', 21, 'ELOOP', 40,
  'EMFILE', 24, 'EMLINK', 31, 'EMSGSIZE', 90, 'EMULTIHOP', 72, 'ENAMETOOLONG', 36, 'ENETDOWN', 100, 'ENETRESET', 102,
  'ENETUNREACH', 101, 'ENFILE', 23, 'ENOBUFS', 105, 'ENODATA', 61, 'ENODEV', 19, 'ENOENT', 2, 'ENOEXEC', 8, 'ENOLCK', 37,
  'ENOLINK', 67, 'ENOMEM', 12, 'ENOMSG', 42, 'ENOPROTOOPT', 92, 'ENOSPC', 28, 'ENOSR', 63, 'ENOSTR', 60, 'ENOSYS', 38,
  'ENOTCONN', 107, 'ENOTDIR', 20, 'ENOTEMPTY', 39, 'ENOTSOCK', 88, 'ENOTSUP', 95, 'ENOTTY', 25, 'ENXIO', 6, 'EOPNOTSUPP', 95,
  'EOVERFLOW', 75, 'EPERM', 1, 'EPIPE', 32, 'EPROTO', 71, 'EPROTONOSUPPORT', 93, 'EPROTOTYPE', 91, 'ERANGE', 34, 'EROFS', 30,
  'ESPIPE', 29, 'ESRCH', 3, 'ESTALE', 116, 'ETIME', 62, 'ETIMEDOUT', 110, 'ETXTBSY', 26, 'EWOULDBLOCK', 11, 'EXDEV', 18];
for (var j = 0; j < errList.length; j += 2) errno[errList[j]] = errList[j + 1];

var priority = Object.create(null);
priority.PRIORITY_LOW = 19;
priority.PRIORITY_BELOW_NORMAL = 10;
priority.PRIORITY_NORMAL = 0;
priority.PRIORITY_ABOVE_NORMAL = -7;
priority.PRIORITY_HIGH = -14;
priority.PRIORITY_HIGHEST = -20;

var dlopen = Object.create(null);
dlopen.RTLD_LAZY = 1; dlopen.RTLD_NOW = 2; dlopen.RTLD_GLOBAL = 256; dlopen.RTLD_LOCAL = 0; dlopen.RTLD_DEEPBIND = 8;

var constants = Object.create(null);
constants.UV_UDP_REUSEADDR = 4;
constants.dlopen = dlopen;
constants.errno = errno;
constants.signals = signals;
constants.priority = priority;

function sys() { return binding.sysinfo(); }

module.exports = {
  arch: function arch() { return process.arch; },
  availableParallelism: function availableParallelism() { return binding.parallelism; },
  cpus: function cpus() { return binding.cpus(); },
  endianness: function endianness() { return 'LE'; },
  freemem: function freemem() { return sys()[1]; },
  getPriority: function getPriority(pid) { return binding.getPriority(checkPid(pid)); },
  homedir: function homedir() { return binding.homedir(); },
  hostname: function hostname() { return binding.hostname(); },
  loadavg: function loadavg() { var s = sys(); return [s[3], s[4], s[5]]; },
  networkInterfaces: function networkInterfaces() { return binding.interfaces(); },
  platform: function platform() { return process.platform; },
  release: function release() { return uname()[1]; },
  setPriority: function setPriority(pid, prio) {
    if (prio === undefined) { prio = pid; pid = 0; }
    if (typeof prio !== 'number' || !Number.isInteger(prio) || prio < -20 || prio > 19) {
      var e = new RangeError('The value of "priority" is out of range. It must be >= -20 && <= 19. Received ' + prio);
      e.code = 'ERR_OUT_OF_RANGE';
      throw e;
    }
    binding.setPriority(checkPid(pid), prio);
  },
  tmpdir: tmpdir,
  totalmem: function totalmem() { return sys()[0]; },
  type: function type() { return uname()[0]; },
  userInfo: userInfo,
  uptime: function uptime() { return sys()[2]; },
  version: function version() { return uname()[2]; },
  machine: function machine() { return uname()[3]; },
  constants: constants,
  EOL: '\n',
  devNull: '/dev/null'
};
