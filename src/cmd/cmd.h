/*
 * cmd.h: the subcommands of ./podsynth. Each is int cmd_NAME(argc, argv)
 * in cmd_NAME.c, where argv[0] is the subcommand's name; it returns the exit
 * status. To add one: write cmd_NAME.c, declare it here, add a row to the
 * table in main.c, and document it in docs/podsynth.1 and the README.
 */
#ifndef PODSYNTH_CMD_H
#define PODSYNTH_CMD_H

int cmd_build(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_segments(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_script(int argc, char **argv);
int cmd_say(int argc, char **argv);
int cmd_voices(int argc, char **argv);
int cmd_feed(int argc, char **argv);
int cmd_draft(int argc, char **argv);
int cmd_cache(int argc, char **argv);
int cmd_studio(int argc, char **argv);

#endif
