/* Start-up timing: runs each given command in turn, round after round (so that a change in the
 * machine's load falls on every command alike), output to /dev/null, and prints each command's
 * median and tenth-percentile wall time in microseconds, fork to exit.
 *
 *   startup ROUNDS COMMAND [ARGS...] -- COMMAND [ARGS...] -- ...
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

static int compare(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: startup ROUNDS COMMAND [ARGS...] [-- COMMAND [ARGS...]]...\n");
    return 2;
  }
  int rounds = atoi(argv[1]);
  if (rounds < 1) rounds = 1;
  char **commands[64];
  int count = 0;
  commands[count++] = &argv[2];
  for (int i = 2; i < argc && count < 64; i++) {
    if (strcmp(argv[i], "--") == 0) {
      argv[i] = NULL;
      if (i + 1 < argc) commands[count++] = &argv[i + 1];
    }
  }
  long *times = calloc((size_t)rounds * count, sizeof(long));
  if (!times) return 1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  for (int r = 0; r < rounds; r++) {
    for (int c = 0; c < count; c++) {
      struct timespec start, end;
      clock_gettime(CLOCK_MONOTONIC, &start);
      pid_t pid;
      if (posix_spawn(&pid, commands[c][0], &actions, NULL, commands[c], environ) != 0) {
        fprintf(stderr, "startup: cannot run %s\n", commands[c][0]);
        return 1;
      }
      int status;
      waitpid(pid, &status, 0);
      clock_gettime(CLOCK_MONOTONIC, &end);
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "startup: %s failed\n", commands[c][0]);
        return 1;
      }
      times[(size_t)c * rounds + r] = (end.tv_sec - start.tv_sec) * 1000000L + (end.tv_nsec - start.tv_nsec) / 1000;
    }
  }
  for (int c = 0; c < count; c++) {
    long *t = &times[(size_t)c * rounds];
    qsort(t, rounds, sizeof(long), compare);
    printf("%ld %ld", t[rounds / 2], t[rounds / 10]);
    for (char **a = commands[c]; *a; a++) printf(" %s", *a);
    printf("\n");
  }
  return 0;
}
