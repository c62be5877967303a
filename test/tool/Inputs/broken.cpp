// Does not compile: the analysis must report it and go on with other files.
#include <vector>
int broken() {
  return undeclared_thing + 1;
}
