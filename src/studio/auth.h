/*
 * auth.h: passwords and tokens with libsodium: Argon2id password hashes
 * (crypto_pwhash_str), random tokens (randombytes_buf), a token's hash as
 * kept in the database (crypto_generichash), and constant-time comparison.
 * In: secrets; out: hex text. auth_init must succeed before any other call.
 */
#ifndef PODSYNTH_STUDIO_AUTH_H
#define PODSYNTH_STUDIO_AUTH_H

#include <stddef.h>

enum { AUTH_TOKEN_HEX = 64, AUTH_HASH_MAX = 128 };

int auth_init(void);
/* out: crypto_pwhash_str's string (at most AUTH_HASH_MAX bytes). 0, or -1 (out of memory). */
int auth_hash_password(const char *password, char out[AUTH_HASH_MAX]);
/* 1 when password matches hash, 0 otherwise. */
int auth_check_password(const char *hash, const char *password);
/* 32 random bytes as 64 hex digits. */
void auth_token(char out[AUTH_TOKEN_HEX + 1]);
/* The hash of a token as the database keeps it (64 hex digits). */
void auth_token_hash(const char *token, char out[AUTH_TOKEN_HEX + 1]);
/* Whether a and b are equal, in time that does not depend on where they differ. */
int auth_equal(const char *a, const char *b);

#endif
