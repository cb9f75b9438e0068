// The package ships no types: it exports one test function over a bloom filter of common passwords.
declare module 'fxa-common-password-list' {
  const list: { test(password: string): boolean };
  export default list;
}
