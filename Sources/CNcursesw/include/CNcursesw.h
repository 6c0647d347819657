// CNcursesw: the one place that includes curses.h.
//
// Swift cannot import function-like macros (getmaxyx, KEY_F, COLOR_PAIR), bit macros (A_BOLD,
// BUTTON1_CLICKED) or, in Swift 6 mode, mutable C globals (stdscr, LINES, COLS, COLORS). Each one
// the backend needs is re-exported here as a small function.
#ifndef CNCURSESW_H
#define CNCURSESW_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <ncursesw/curses.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>

// Globals Swift 6 refuses to touch.
WINDOW *rd_stdscr(void);
int rd_lines(void);
int rd_cols(void);
int rd_colors(void);
int rd_color_pairs(void);

// Size of a window (getmaxyx).
int rd_max_y(WINDOW *win);
int rd_max_x(WINDOW *win);

// Attribute bits (A_*), as plain values.
attr_t rd_attr_normal(void);
attr_t rd_attr_bold(void);
attr_t rd_attr_dim(void);
attr_t rd_attr_underline(void);
attr_t rd_attr_reverse(void);
attr_t rd_attr_italic(void);
attr_t rd_attr_blink(void);

// KEY_F(n).
int rd_key_f(int n);

// Mouse masks and reading a mouse event without the MEVENT struct's macros.
mmask_t rd_mouse_all_events(void);
mmask_t rd_button1_pressed(void);
mmask_t rd_button1_released(void);
mmask_t rd_button1_clicked(void);
mmask_t rd_button4_pressed(void);
mmask_t rd_button5_pressed(void);
mmask_t rd_button1_double_clicked(void);
mmask_t rd_button1_triple_clicked(void);
int rd_get_mouse(int *x, int *y, mmask_t *state);

// Locale and start-up: setlocale(LC_ALL, "") and the ESC delay.
void rd_set_locale_from_environment(void);

// Start a screen on stdout/stdin with newterm (never initscr, which exits on failure).
// `type` is the terminal type (NULL means $TERM). Returns NULL when the terminal is unusable.
SCREEN *rd_newterm(const char *type);

// True when the current terminal can move the cursor anywhere (terminfo `cup`); "dumb" cannot.
// Valid after rd_newterm.
int rd_terminal_can_address_cursor(void);

// True when ESCDELAY is set (non-empty) in the environment, so ncurses' own value stands.
int rd_escdelay_from_environment(void);

// True when SIGTSTP has a handler (ncurses installs one in newterm when it was SIG_DFL).
int rd_sigtstp_is_handled(void);

// Put one grapheme with attributes and a colour pair at (y, x).
// `text` holds `count` wide characters (a base and combining marks); at most CCHARW_MAX are used.
// When ncurses refuses the sequence, the base character alone is tried, then a space.
int rd_put_cell(WINDOW *win, int y, int x, const wchar_t *text, int count, attr_t attrs, short pair);

// Signals: SIGINT, SIGTERM, SIGHUP and SIGQUIT (Ctrl-backslash, which would otherwise dump core with the
// screen left in curses mode) set a flag the run loop reads, so the screen is always
// restored by the loop itself and never from inside a signal handler.
void rd_install_quit_signal_handlers(void);
// Puts back the handlers that were in place before rd_install_quit_signal_handlers.
void rd_restore_quit_signal_handlers(void);
int rd_quit_signal_received(void);
void rd_reset_quit_signal(void);
void rd_raise_quit_signal_for_testing(int signo);

// True when the given file descriptor is a terminal.
int rd_isatty(int fd);

// Turns off XON/XOFF flow control on standard input so Ctrl-S and Ctrl-Q reach the program
// instead of freezing the screen, and records the mode with def_prog_mode. Call after cbreak.
int rd_disable_flow_control(void);

#endif
