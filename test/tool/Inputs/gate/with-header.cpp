#include "slow.h"
int main() { slow_header(); }
