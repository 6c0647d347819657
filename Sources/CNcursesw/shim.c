#include "CNcursesw.h"
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <stdlib.h>
#include <unistd.h>

WINDOW *rd_stdscr(void) { return stdscr; }
int rd_lines(void) { return LINES; }
int rd_cols(void) { return COLS; }
int rd_colors(void) { return COLORS; }
int rd_color_pairs(void) { return COLOR_PAIRS; }

int rd_max_y(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)x; return y; }
int rd_max_x(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)y; return x; }

attr_t rd_attr_normal(void) { return A_NORMAL; }
attr_t rd_attr_bold(void) { return A_BOLD; }
attr_t rd_attr_dim(void) { return A_DIM; }
attr_t rd_attr_underline(void) { return A_UNDERLINE; }
attr_t rd_attr_reverse(void) { return A_REVERSE; }
attr_t rd_attr_italic(void) { return A_ITALIC; }
attr_t rd_attr_blink(void) { return A_BLINK; }

int rd_key_f(int n) { return KEY_F(n); }

mmask_t rd_mouse_all_events(void) { return ALL_MOUSE_EVENTS; }
mmask_t rd_button1_pressed(void) { return BUTTON1_PRESSED; }
mmask_t rd_button1_released(void) { return BUTTON1_RELEASED; }
mmask_t rd_button1_clicked(void) { return BUTTON1_CLICKED; }
mmask_t rd_button4_pressed(void) { return BUTTON4_PRESSED; }
mmask_t rd_button5_pressed(void) { return BUTTON5_PRESSED; }
mmask_t rd_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
mmask_t rd_button1_triple_clicked(void) { return BUTTON1_TRIPLE_CLICKED; }

int rd_get_mouse(int *x, int *y, mmask_t *state) {
    MEVENT event;
    memset(&event, 0, sizeof event);
    if (getmouse(&event) != OK) return ERR;
    *x = event.x;
    *y = event.y;
    *state = event.bstate;
    return OK;
}

void rd_set_locale_from_environment(void) { setlocale(LC_ALL, ""); }

SCREEN *rd_newterm(const char *type) { return newterm(type, stdout, stdin); }

int rd_terminal_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1 && cup[0] != '\0';
}

int rd_escdelay_from_environment(void) {
    const char *value = getenv("ESCDELAY");
    return value != NULL && value[0] != '\0';
}

int rd_sigtstp_is_handled(void) {
    struct sigaction current;
    if (sigaction(SIGTSTP, NULL, &current) != 0) return 0;
    return current.sa_handler != SIG_DFL && current.sa_handler != SIG_IGN;
}

int rd_put_cell(WINDOW *win, int y, int x, const wchar_t *text, int count, attr_t attrs, short pair) {
    wchar_t chars[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    if (n < 0 || text == NULL) n = 0;
    for (int i = 0; i < n; i++) chars[i] = text[i];
    chars[n] = L'\0';
    cchar_t cell;
    int ok = n > 0 && setcchar(&cell, chars, attrs, pair, NULL) == OK;
    if (!ok && n > 1) {
        chars[1] = L'\0'; // the base character alone
        ok = setcchar(&cell, chars, attrs, pair, NULL) == OK;
    }
    if (!ok) {
        chars[0] = L' ';
        chars[1] = L'\0';
        if (setcchar(&cell, chars, attrs, pair, NULL) != OK) return ERR;
    }
    return mvwadd_wch(win, y, x, &cell);
}

static volatile sig_atomic_t quit_signal = 0;

static void on_quit_signal(int signo) { quit_signal = signo; }

static struct sigaction saved_int, saved_term, saved_hup, saved_quit;
static int handlers_installed = 0;

void rd_install_quit_signal_handlers(void) {
    if (handlers_installed) return;
    handlers_installed = 1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_quit_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocked read returns so the loop sees the flag
    sigaction(SIGINT, &action, &saved_int);
    sigaction(SIGTERM, &action, &saved_term);
    sigaction(SIGHUP, &action, &saved_hup);
    sigaction(SIGQUIT, &action, &saved_quit);
    // A parent (a thread pool, a test runner) may have left these blocked; the app cannot stop,
    // suspend or follow a resize without them.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGQUIT);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGTSTP);
    sigaddset(&wanted, SIGCONT);
    pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
}

void rd_restore_quit_signal_handlers(void) {
    if (!handlers_installed) return;
    handlers_installed = 0;
    sigaction(SIGINT, &saved_int, NULL);
    sigaction(SIGTERM, &saved_term, NULL);
    sigaction(SIGHUP, &saved_hup, NULL);
    sigaction(SIGQUIT, &saved_quit, NULL);
}

int rd_quit_signal_received(void) { return quit_signal; }
void rd_reset_quit_signal(void) { quit_signal = 0; }
void rd_raise_quit_signal_for_testing(int signo) { raise(signo); }

int rd_isatty(int fd) { return isatty(fd); }

int rd_disable_flow_control(void) {
    struct termios mode;
    if (tcgetattr(STDIN_FILENO, &mode) != 0) return ERR;
    mode.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
    if (tcsetattr(STDIN_FILENO, TCSADRAIN, &mode) != 0) return ERR;
    return def_prog_mode(); // so ncurses restores this mode after a suspend
}
