// A blocking helper two calls deep, in a header: the path of the finding
// in main.cpp runs through this file.
#include <unistd.h>

inline void pause_briefly() { sleep(1); }

inline void settle() {
  // Markup in a comment: <b>not bold</b>
  pause_briefly();
}
