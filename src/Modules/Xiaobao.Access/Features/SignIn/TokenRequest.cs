using System.ComponentModel.DataAnnotations;

namespace Xiaobao.Access.Features.SignIn;

public sealed record TokenRequest(
    [property: Required, StringLength(256)] string UserName,
    [property: Required, StringLength(128)] string Password);
