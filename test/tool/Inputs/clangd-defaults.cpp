#include <task.h>
#include <unistd.h>

namespace net {
int resolve();
} // namespace net
using net::resolve;

testlib::task<int> fetch();

testlib::task<> handler() {
  sleep(1);
  fetch();
  co_return;
}
