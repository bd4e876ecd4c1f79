// Model files (*.prism): sizes, random tensors, losses in index notation or matrix sugar, and the
// gradient flow. Syntax and semantics are documented in grammars/README.md; the parser is
// generated at build time (package org.prism.model.lang) and evaluated by ModelBuilder.
grammar Model;

file
    : header? statement* EOF
    ;

header
    : MODEL modelName
    ;

// written as one word, e.g. tied-autoencoder or cp3-sym; a keyword is a plain word here (tied-flow)
modelName
    : namePart (MINUS namePart)*
    ;

namePart
    : ID | INT | MODEL | SIZE | SYMBOL | COVARIANCE | PARAM | DATA | LOSS | FLOW | GRADIENT | TRACK | NORMAL | SUM | DELTA | TR
    ;

statement
    : SIZE names                                              # sizeDeclaration
    | SYMBOL names                                            # symbolDeclaration
    | COVARIANCE ID LBRACK ID RBRACK                          # covarianceDeclaration
    | role=(PARAM | DATA) ID LBRACK names RBRACK TILDE law    # tensorDeclaration
    | LOSS ID ASSIGN expr                                     # lossDeclaration
    | FLOW GRADIENT LPAREN ID RPAREN                          # flowDeclaration
    | TRACK names                                             # trackDeclaration
    ;

names
    : ID (COMMA ID)*
    ;

law
    : NORMAL LPAREN mean=expr COMMA variance=expr RPAREN
    ;

// sums and differences of products; a leading sign applies to the first product
expr
    : lead=(PLUS | MINUS)? products+=product (ops+=(PLUS | MINUS) products+=product)*
    ;

// juxtaposition and '*' multiply, '/' divides, left to right; a summation takes the rest of the
// product as its body, so sum(j) a[j] b[j] - c sums only a[j] b[j]
product
    : items+=item (ops+=productOp items+=item)*
    ;

productOp
    : STAR
    | SLASH
    | // juxtaposition
    ;

item
    : factor
    | summation
    ;

summation
    : SUM LPAREN binder (COMMA binder)* RPAREN product
    ;

// an index, optionally with its size: sum(i : d)
binder
    : ID (COLON size=ID)?
    ;

factor
    : primary (CARET power)*
    ;

// ^T transposes; ^k, ^-k, ^(-k) are integer powers
power
    : ID
    | MINUS? INT
    | LPAREN MINUS? INT RPAREN
    ;

primary
    : value=(INT | DECIMAL)                                 # number
    | ID LBRACK names RBRACK                                # entry
    | DELTA LBRACK names RBRACK                             # delta
    | ID                                                    # name
    | LPAREN expr RPAREN                                    # parenthesized
    | NORM expr NORM                                        # norm
    | TR LPAREN expr RPAREN                                 # trace
    ;

MODEL    : 'model';
SIZE     : 'size';
SYMBOL   : 'symbol';
COVARIANCE : 'covariance';
PARAM    : 'param';
DATA     : 'data';
LOSS     : 'loss';
FLOW     : 'flow';
GRADIENT : 'gradient';
TRACK    : 'track';
NORMAL   : 'normal';
SUM      : 'sum';
DELTA    : 'delta';
TR       : 'tr';

ID       : [A-Za-z] [A-Za-z0-9_]*;
DECIMAL  : [0-9]+ '.' [0-9]+;
INT      : [0-9]+;

NORM     : '||';
LBRACK   : '[';
RBRACK   : ']';
LPAREN   : '(';
RPAREN   : ')';
COMMA    : ',';
COLON    : ':';
TILDE    : '~';
ASSIGN   : '=';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
SLASH    : '/';
CARET    : '^';

COMMENT  : '#' ~[\r\n]* -> skip;
WS       : [ \t\r\n]+ -> skip;
