#pragma once
extern "C" {
int system(const char *command);
void abort(void);
void exit(int);
}
