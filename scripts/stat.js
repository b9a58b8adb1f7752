var stat = require("posix").stat,
    puts = require("sys").puts

var promise = stat("/etc/passwd")
promise.addCallback(function (s) {
    puts("modified: " + s.mtime)
})
promise.addErrback(function(orgi_promise) {
    puts("Could not fetch stats on /etc/passwd")
})
