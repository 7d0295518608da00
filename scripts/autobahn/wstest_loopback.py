# Runs wstest with every Twisted listener bound to 127.0.0.1 (the fuzzing server binds all interfaces otherwise).
import sys
from twisted.internet import reactor

_listen_tcp = reactor.listenTCP


def _loopback_listen_tcp(port, factory, backlog=50, interface=''):
    return _listen_tcp(port, factory, backlog, '127.0.0.1')


reactor.listenTCP = _loopback_listen_tcp

from autobahntestsuite.wstest import run  # noqa: E402 (after the patch on purpose)

sys.argv[0] = 'wstest'
sys.exit(run())
