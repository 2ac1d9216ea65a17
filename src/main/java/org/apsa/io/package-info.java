/**
 * The files users edit and get: their text read as UTF-8 one way everywhere, and files
 * written whole or not at all, with failures said in words.
 */
package org.apsa.io;
