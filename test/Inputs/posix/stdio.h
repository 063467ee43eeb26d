#pragma once
typedef decltype(sizeof 0) size_t;
typedef struct _IO_FILE FILE;
extern "C" {
FILE *fopen(const char *path, const char *mode);
size_t fread(void *ptr, size_t size, size_t n, FILE *stream);
size_t fwrite(const void *ptr, size_t size, size_t n, FILE *stream);
char *fgets(char *s, int n, FILE *stream);
int fclose(FILE *stream);
int printf(const char *fmt, ...);
int snprintf(char *s, size_t n, const char *fmt, ...);
FILE *popen(const char *command, const char *type);
int pclose(FILE *stream);
}
