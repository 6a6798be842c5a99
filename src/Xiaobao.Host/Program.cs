using Xiaobao.Host;

return await XiaobaoApp.RunAsync(args);
